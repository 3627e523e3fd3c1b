/// The document's *Docker Image Requirements* (Jupyter servers, R servers, jobs and deployments), one entry each,
/// with where an image shows it. The judges live in `Requirements+conda`, `+system` and `+r`.
public enum Requirements {
    /// Where Saturn's conda lives.
    static let conda = "opt/saturncloud"
    /// The environment Jupyter runs.
    static let saturnEnvironment = "opt/saturncloud/envs/saturn"
    /// The Python `kernel.json` must start.
    static let saturnPython = "/opt/saturncloud/envs/saturn/bin/python"
    static let everyone: [(target: CheckTarget, need: Need)] = CheckTarget.allCases.map { ($0, .required) }

    /// Every requirement, in the document's order.
    public static let all: [Requirement] = [
        Requirement(
            id: "conda", title: "conda in /opt/saturncloud with Python >= 3.7", needs: everyone,
            reads: [.path("\(conda)/bin/conda", content: false), .path("\(conda)/condabin/conda", content: false),
                    .children("\(conda)/conda-meta", content: false)],
            judge: judgeConda
        ),
        Requirement(
            id: "jovyan", title: "user jovyan with uid 1000 and home /home/jovyan, created", needs: everyone,
            reads: [.path("etc/passwd", content: true), .path("home/jovyan", content: false)],
            judge: judgeJovyan
        ),
        Requirement(
            id: "sshd", title: "sshd installed",
            needs: [(.jupyter, .optional), (.rstudio, .required), (.job, .required), (.deployment, .required)],
            reads: [.path("usr/sbin/sshd", content: false)],
            judge: judgeSSHD
        ),
        Requirement(
            id: "saturn-env", title: "environment /opt/saturncloud/envs/saturn with at least ipykernel", needs: [(.jupyter, .required)],
            reads: [.path(saturnEnvironment, content: false), .path("\(saturnEnvironment)/bin/python", content: false),
                    .children("\(saturnEnvironment)/conda-meta", content: false)],
            judge: judgeSaturnEnvironment
        ),
        Requirement(
            id: "kernel", title: "envs/saturn registered with Jupyter (ipykernel install --name python3 --prefix=/opt/saturncloud)",
            needs: [(.jupyter, .required)],
            reads: [.path("\(conda)/share/jupyter/kernels/python3/kernel.json", content: true)],
            judge: judgeKernel
        ),
        Requirement(
            id: "jupyterlab", title: "JupyterLab installed in /opt/saturncloud", needs: [(.jupyter, .required)],
            reads: [.path("\(conda)/bin/jupyter-lab", content: false), .children("\(conda)/conda-meta", content: false)],
            judge: judgeJupyterLab
        ),
        Requirement(
            id: "sudoers", title: "jovyan in sudoers", needs: [(.jupyter, .optional)],
            reads: [.path("etc/sudoers", content: true), .children("etc/sudoers.d", content: true)],
            judge: judgeSudoers
        ),
        Requirement(
            id: "path", title: "PATH starts /opt/saturncloud/envs/saturn/bin:/opt/saturncloud/bin", needs: [(.jupyter, .optional)],
            reads: [],
            judge: judgePath
        ),
        Requirement(
            id: "envs-owner", title: "Python environments owned by jovyan", needs: [(.jupyter, .optional)],
            reads: [.tree("\(conda)/envs")],
            judge: judgeEnvironmentOwner
        ),
        Requirement(
            id: "r", title: "R in /usr/lib/R or /usr/local/lib/R, owned by jovyan with read/write", needs: [(.rstudio, .required)],
            reads: rHomes.map { .tree($0) },
            judge: judgeR
        ),
        Requirement(
            id: "rstudio", title: "RStudio Server Open Source, configured as saturnbase-r", needs: [(.rstudio, .required)],
            reads: [.path(rserver, content: false), .path(rserverConf, content: true)],
            judge: judgeRStudio
        ),
        Requirement(
            id: "renviron", title: "Renviron with the document's R_LIBS line", needs: [(.rstudio, .required)],
            reads: [.named("Renviron"), .named("Renviron.site")],
            judge: judgeRenviron
        ),
    ]

    /// What a check of these requirements reads of an image.
    static func scope(of requirements: [Requirement]) -> ScanScope {
        ScanScope(requirements.flatMap(\.reads))
    }
}
