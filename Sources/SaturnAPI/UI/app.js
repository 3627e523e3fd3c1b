// saturn-mock's UI: the import flow of "Import Existing Docker Images", on the same public API a client calls.
// Plain DOM, no framework. Paths are relative, so the page works at / and at /t/NAME/ alike.
"use strict";

const TOKEN_KEY = "saturn-mock-token";
const SUPPORTS = ["jupyterlab", "rstudio-opensource", "rstudio-workbench", "dask"];
const FIELD_LABELS = { name: "Name", description: "Description", hardware_type: "Hardware type", supports: "Supports",
  access: "Access", image_uri: "Image URI", version: "Name" };
const REQUIREMENTS = [
  ["Jupyter servers", [
    "Conda installed in /opt/saturncloud with Python ≥ 3.7",
    "(optional) sshd installed on the system",
    "Your environment in /opt/saturncloud/envs/saturn, with at least ipykernel",
    "/opt/saturncloud/envs/saturn registered with Jupyter (ipykernel install --name python3 --prefix=${CONDA_DIR})",
    "A user jovyan with uid=1000 and home /home/jovyan (do not keep configuration there: volumes mount on top)",
    "Better: jovyan in sudoers, PATH starting with /opt/saturncloud/envs/saturn/bin, environments owned by jovyan",
  ]],
  ["R servers", [
    "Conda installed in /opt/saturncloud with Python ≥ 3.7",
    "sshd installed on the system",
    "A user jovyan with uid=1000 and home /home/jovyan",
    "R in /usr/lib/R or /usr/local/lib/R, owned (recursively, read and write) by jovyan",
    "RStudio Server Open Source, configured at least as saturncloud/saturnbase-r",
    "Renviron with R_LIBS=/usr/local/lib/R:/usr/local/lib/R/site-library:/usr/lib/R/site-library:/usr/lib/R/library",
  ]],
  ["Jobs and deployments", [
    "Conda installed in /opt/saturncloud with Python ≥ 3.7",
    "sshd installed on the system",
    "A user jovyan with uid=1000 and their home directory created",
  ]],
];

const main = document.getElementById("main");
let user = null;

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

// Every call: the token from this tab's session storage, never from the URL; answers as {status, body, warnings}.
async function api(method, path, body) {
  const headers = { "Accept": "application/json" };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers["Authorization"] = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { status: 0, body: { message: "The mock does not answer: is saturn-mock still running?" }, warnings: [] };
  }
  const text = await response.text();
  let parsed = {};
  try { parsed = text ? JSON.parse(text) : {}; } catch { parsed = { message: `The mock answered ${response.status}.` }; }
  const warnings = (response.headers.get("Warning") || "").split(/,\s*(?=299 )/).filter(Boolean)
    .map((header) => header.replace(/^299 saturn-mock "/, "").replace(/"$/, "").replace(/\\"/g, '"'));
  return { status: response.status, body: parsed, warnings };
}

function show(...nodes) {
  main.replaceChildren(...nodes.filter((node) => node !== null && node !== undefined));
  main.focus();
}

function notice(kind, text) {
  return el("p", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}

// Field errors and warnings come from the API's JSON paths: {"errors": {"image_uri": ["..."]}}.
function fieldMessages(form, errors, kind) {
  let unplaced = [];
  for (const [path, problems] of Object.entries(errors || {})) {
    const holder = form.querySelector(`[data-field="${CSS.escape(path)}"]`);
    if (holder) holder.append(...problems.map((problem) => el("p", { class: kind, role: "alert" }, problem)));
    else unplaced = unplaced.concat(problems.map((problem) => `${FIELD_LABELS[path] || path}: ${problem}`));
  }
  return unplaced;
}

function clearMessages(form) {
  form.querySelectorAll(".error, .warning, .notice").forEach((node) => node.remove());
}

function field(label, name, control, hint) {
  control.id = control.id || `field-${name}`;
  return el("div", { class: "field", "data-field": name },
    el("label", { for: control.id }, label), control, hint ? el("p", { class: "hint" }, hint) : null);
}

function select(name, options, chosen) {
  return el("select", { name }, options.map(([value, label]) => el("option", { value, selected: value === chosen }, label)));
}

// --- Sign in ---

async function signIn() {
  const input = el("input", { name: "token", type: "password", autocomplete: "off", required: true });
  const form = el("form", { class: "card", onsubmit: async (event) => {
    event.preventDefault();
    await useToken(input.value.trim(), form);
  } },
  field("User Token", "token", input, "Saturn Cloud shows it under Username > User Settings > User Token."),
  el("button", { class: "primary", type: "submit" }, "Sign in"));
  show(el("h1", {}, "Sign in"), form);
  // On this machine the seed's users are offered too (the control plane answers only on loopback or with its token).
  const tenant = (location.pathname.match(/^\/t\/([^/]+)\//) || [null, "default"])[1];
  const seed = await api("GET", `_mock/tenants/${encodeURIComponent(tenant)}`);
  if (seed.status === 200 && location.hostname.match(/^(localhost|127\.|\[::1\])/)) {
    const buttons = seed.body.users.map((seedUser) =>
      el("button", { type: "button", onclick: () => useToken(seedUser.token, form) }, `Sign in as ${seedUser.username}`));
    main.append(el("section", { class: "card" }, el("h2", {}, "Demo users of the seed"), el("div", { class: "users" }, buttons)));
  }
}

async function useToken(token, form) {
  clearMessages(form);
  sessionStorage.setItem(TOKEN_KEY, token);
  const answer = await api("GET", "api/user");
  if (answer.status !== 200) {
    sessionStorage.removeItem(TOKEN_KEY);
    form.append(notice("error", answer.body.message || "That token does not sign in."));
    return;
  }
  location.hash = "#/images";
  await route();
}

async function currentUser() {
  if (!sessionStorage.getItem(TOKEN_KEY)) return null;
  const answer = await api("GET", "api/user");
  if (answer.status !== 200) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  const orgs = await api("GET", "api/orgs");
  const primary = (orgs.body.orgs || []).find((org) => org.is_primary);
  return { ...answer.body, org: primary ? primary.name : "" };
}

// --- Images ---

async function imagesPage() {
  const answer = await api("GET", "api/images?page_size=1000");
  if (answer.status !== 200) return show(el("h1", {}, "Images"), notice("error", answer.body.message));
  const canAdd = user.admin;
  const heading = el("div", { class: "heading" }, el("h1", {}, "Images"),
    el("button", { class: "primary", type: "button", id: "new-image", disabled: !canAdd,
      onclick: () => { location.hash = "#/images/new"; } }, "New"));
  const why = canAdd ? null : el("p", { class: "hint", id: "why-not" },
    `Only an admin of ${user.org} can add images; ${user.username} is a member.`);
  const rows = await Promise.all(answer.body.images.map(async (image) => {
    const tags = await api("GET", `api/images/${encodeURIComponent(image.id)}/tags?page_size=1000`);
    const versions = tags.status === 200 ? tags.body.image_tags : [];
    const usable = versions.some((tag) => !tag.archived);
    return el("tr", {},
      el("td", {}, el("a", { href: `#/images/${encodeURIComponent(image.id)}` }, image.name)),
      el("td", {}, image.owner.name), el("td", {}, image.hardware_type), el("td", {}, String(versions.length)),
      el("td", {}, image.access),
      el("td", {}, el("span", { class: usable ? "badge" : "badge no" }, usable ? "usable" : "no version yet")));
  }));
  const table = rows.length === 0 ? el("p", { class: "hint" }, `No images in ${user.org} yet.`) :
    el("table", {}, el("thead", {}, el("tr", {}, ["Name", "Owner", "Hardware", "Versions", "Access", "Usable"].map((name) =>
      el("th", { scope: "col" }, name)))), el("tbody", {}, rows));
  show(heading, why, table);
}

function newImagePage() {
  const name = el("input", { name: "name", required: true, autocomplete: "off" });
  const form = el("form", { class: "card", onsubmit: async (event) => {
    event.preventDefault();
    clearMessages(form);
    const supports = [...form.querySelectorAll("input[name=supports]:checked")].map((box) => box.value);
    const answer = await api("POST", "api/images", {
      name: name.value.trim(), description: form.elements.description.value,
      hardware_type: form.elements.hardware_type.value, supports, access: form.elements.access.value,
    });
    if (answer.status === 201) {
      location.hash = `#/images/${encodeURIComponent(answer.body.id)}`;
      return;
    }
    const rest = fieldMessages(form, answer.body.errors, "error");
    if (rest.length || !answer.body.errors) form.append(notice("error", rest.length ? rest.join(" ") : answer.body.message));
  } },
  field("Name", "name", name, "Letters, digits, '-' and '.'."),
  field("Description", "description", el("textarea", { name: "description", rows: 2 })),
  field("Hardware type", "hardware_type", select("hardware_type", [["CPU", "CPU"], ["NVIDIA", "NVIDIA GPU"], ["AMD", "AMD GPU"]], "CPU")),
  el("div", { class: "field", "data-field": "supports" }, el("fieldset", {}, el("legend", {}, "Supports"),
    SUPPORTS.map((feature) => el("label", { class: "choice" }, el("input", { type: "checkbox", name: "supports", value: feature }), feature)))),
  field("Access", "access", select("access", [["owner", "Only me"], ["org", `Everyone in ${user.org}`], ["account", "Every org"]], "org")),
  el("button", { class: "primary", type: "submit" }, "Add"));
  show(el("h1", {}, "New image"), form);
}

async function imagePage(id) {
  const image = await api("GET", `api/images/${encodeURIComponent(id)}`);
  if (image.status !== 200) return show(el("h1", {}, "Image"), notice("error", image.body.message));
  const tags = await api("GET", `api/images/${encodeURIComponent(id)}/tags?page_size=1000`);
  const menuList = el("ul", { role: "menu", hidden: true },
    el("li", { role: "none" }, el("button", { type: "button", role: "menuitem", id: "add-external",
      onclick: () => { location.hash = `#/images/${encodeURIComponent(id)}/versions/new`; } }, "Add External")));
  const toggle = el("button", { type: "button", class: "primary", id: "new-version", "aria-haspopup": "menu", "aria-expanded": "false",
    onclick: () => {
      const open = menuList.hidden;
      menuList.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      if (open) menuList.querySelector("button").focus();
    } }, "New Version ▾");
  menuList.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { menuList.hidden = true; toggle.setAttribute("aria-expanded", "false"); toggle.focus(); }
  });
  const versions = tags.status === 200 ? tags.body.image_tags : [];
  const table = versions.length === 0 ? el("p", { class: "hint" }, "No versions yet: add one with New Version > Add External.") :
    el("table", {}, el("thead", {}, el("tr", {}, ["Version", "Image URI", "Description", "Added", "Archived", "Works for"].map((name) =>
      el("th", { scope: "col" }, name)))),
    el("tbody", {}, versions.map((tag) => el("tr", {}, el("td", {}, tag.version), el("td", { class: "uri" }, tag.image_uri),
      el("td", {}, tag.description), el("td", {}, tag.created_at.slice(0, 10)), el("td", {}, tag.archived ? "yes" : "no"),
      worksFor(tag.image_uri)))));
  const data = image.body;
  show(
    el("div", { class: "heading" }, el("h1", {}, data.name), user.admin ? el("div", { class: "menu" }, toggle, menuList) : null),
    el("p", { class: "hint" }, `${data.owner.name} · ${data.hardware_type} · access ${data.access}`,
      data.description ? ` · ${data.description}` : ""),
    user.admin ? null : el("p", { class: "hint", id: "why-not" }, `Only an admin of ${data.owner.org_name} can add versions.`),
    el("h2", {}, "Versions"), table);
}

// What the last check of an image (serve --registry) says it works for, with each failed requirement one click
// away; empty when the server pulls nothing.
const USES = [["jupyter", "Jupyter"], ["rstudio", "RStudio"], ["job", "jobs"], ["deployment", "deployments"]];

function worksFor(uri) {
  const cell = el("td", { class: "works" });
  api("GET", `_mock/image-checks?uri=${encodeURIComponent(uri)}`).then((answer) => {
    if (answer.status !== 200) return;
    const check = answer.body;
    if (check.status === "checking") return cell.append("checking…");
    if (check.status === "unreadable") return cell.append(el("span", { class: "badge no" }, "cannot be pulled"), " ", check.reason);
    const failed = check.requirements.filter((item) => Object.values(item.outcomes).includes("fail"));
    cell.append(el("details", {}, el("summary", {}, USES.map(([use, name]) => `${name} ${check.works_for[use] ? "✓" : "✗"}`).join(" · ")),
      failed.length === 0 ? el("p", { class: "hint" }, "Every required item passes.") :
        el("ul", {}, failed.map((item) => el("li", {}, `${item.title} (fails for ${Object.keys(item.outcomes)
          .filter((use) => item.outcomes[use] === "fail").join(", ")}): ${item.evidence.join("; ")}`)))));
  });
  return cell;
}

function requirementsChecklist() {
  return el("details", { class: "requirements" }, el("summary", {}, "Docker image requirements: check your image"),
    REQUIREMENTS.map(([kind, items]) => [el("h3", {}, kind), el("ul", {}, items.map((item) =>
      el("li", {}, el("label", { class: "choice" }, el("input", { type: "checkbox" }), item))))]),
    el("p", { class: "hint" }, "saturn-mock check-image IMAGE checks these on the image itself; under serve --registry, ",
      "each version's Works for column shows what its image passes, with the reasons one click away."));
}

async function newVersionPage(id) {
  const image = await api("GET", `api/images/${encodeURIComponent(id)}`);
  if (image.status !== 200) return show(el("h1", {}, "New version"), notice("error", image.body.message));
  const uri = el("input", { name: "image_uri", required: true, autocomplete: "off", spellcheck: "false" });
  const form = el("form", { class: "card", onsubmit: async (event) => {
    event.preventDefault();
    clearMessages(form);
    const answer = await api("POST", `api/images/${encodeURIComponent(id)}/tags`, {
      version: form.elements.version.value.trim(), description: form.elements.description.value, image_uri: uri.value.trim(),
    });
    if (answer.status === 201) {
      const added = `Version ${answer.body.version} was added.`;
      if (answer.warnings.length === 0) {
        location.hash = `#/images/${encodeURIComponent(id)}`;
        return;
      }
      // Saturn Cloud could not pull it: stay here, the warning beside the Image URI it concerns.
      const rest = fieldMessages(form, Object.fromEntries(answer.warnings.map((text) => {
        const [path, ...words] = text.split(": ");
        return [path, [words.join(": ")]];
      })), "warning");
      form.append(notice("ok", added), ...rest.map((text) => notice("error", text)),
        el("a", { href: `#/images/${encodeURIComponent(id)}`, class: "button" }, "Back to the image"));
      return;
    }
    const rest = fieldMessages(form, answer.body.errors, "error");
    if (rest.length || !answer.body.errors) form.append(notice("error", rest.length ? rest.join(" ") : answer.body.message));
  } },
  field("Name", "version", el("input", { name: "version", autocomplete: "off" }), "The version's name; left empty, the image URI's tag names it."),
  field("Description", "description", el("textarea", { name: "description", rows: 2 }), "Optional."),
  field("Image URI", "image_uri", uri, "Where Saturn Cloud pulls it from, such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/saturn-app:1.0."),
  requirementsChecklist(),
  el("button", { class: "primary", type: "submit" }, "Add"));
  show(el("h1", {}, `New version of ${image.body.name}`), form);
}

// --- Routing ---

async function route() {
  user = await currentUser();
  document.getElementById("sign-out").hidden = !user;
  document.getElementById("who").textContent = user ? `${user.username} · ${user.org}` : "";
  document.getElementById("nav-images").toggleAttribute("aria-current", false);
  if (!user) return signIn();
  document.getElementById("nav-images").setAttribute("aria-current", "page");
  const parts = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  if (parts[0] !== "images") { location.hash = "#/images"; return; }
  if (parts.length === 1 || parts[1] === "") return imagesPage();
  if (parts[1] === "new") return newImagePage();
  if (parts[2] === "versions" && parts[3] === "new") return newVersionPage(parts[1]);
  return imagePage(parts[1]);
}

document.getElementById("sign-out").addEventListener("click", () => {
  sessionStorage.removeItem(TOKEN_KEY);
  location.hash = "";
  route();
});
window.addEventListener("hashchange", route);
route();
