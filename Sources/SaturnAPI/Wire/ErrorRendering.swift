import MicroHTTP
import SaturnDomain

/// The one place that turns any error into a status and a Saturn-shaped JSON body.
enum ErrorRendering {
    static func response(for error: any Error) -> HTTPResponseParts {
        switch error {
        case let error as DomainError: return response(for: error)
        case let error as APIError: return response(for: error)
        default: return internalError
        }
    }

    /// What any unexpected failure becomes: a plain 500 that leaks nothing.
    static let internalError = HTTPResponseParts(500, "internal_error", "The mock failed to answer; this is a bug in saturn-mock.")

    static func response(for error: APIError) -> HTTPResponseParts {
        switch error {
        case let .malformedJSON(reason):
            return HTTPResponseParts(400, "invalid_json", "The body is not valid JSON: \(reason).")
        case let .notMocked(method, template):
            return HTTPResponseParts(501, "not_mocked", "Saturn serves \(method) \(template); saturn-mock does not mock it yet.")
        case let .noRoute(method, path):
            return HTTPResponseParts(404, "not_found", "No endpoint at \(method) \(path).")
        case let .methodNotAllowed(method, path, allowed):
            var parts = HTTPResponseParts(405, "method_not_allowed", "\(method) is not allowed on \(path); allowed: \(allowed.joined(separator: ", ")).")
            parts.headers.append(("Allow", allowed.joined(separator: ", ")))
            return parts
        case let .payloadTooLarge(limit, flag):
            return HTTPResponseParts(413, "payload_too_large", "The body is larger than the server's limit of \(limit) bytes (\(flag)).")
        case let .unsendableHeader(name, status):
            return HTTPResponseParts(500, "internal_error", "The mock built a \(status) answer whose '\(name)' header cannot be sent; this is a bug in saturn-mock. Whatever the request changed stays changed.")
        case let .unknownTenant(name):
            return HTTPResponseParts(404, "tenant_not_found", "No tenant named '\(name)'; GET /_mock/tenants lists them, POST /_mock/tenants makes one.")
        case .controlTokenRequired:
            return HTTPResponseParts(401, "control_token_required", "Control requests need 'Authorization: Bearer <token>' with the token given to --control-token.")
        case let .faultLimit(limit):
            return HTTPResponseParts(409, "fault_limit", "The tenant holds \(limit) fault rules, the most it may; delete some (DELETE /_mock/faults/ID, or DELETE /_mock/faults for all) first.")
        case let .faultNotFound(id):
            return HTTPResponseParts(404, "fault_not_found", "No fault rule '\(id)' in this tenant; GET /_mock/faults lists them.")
        case .stopping:
            return HTTPResponseParts(503, "server_stopping", "saturn-mock is stopping, and this request was still waiting (a fault's delay, or its write reaching the disk) when the time to finish requests ran out; send it again to the next server.")
        case .imageChecksOff:
            return HTTPResponseParts(404, "image_checks_off", "saturn-mock serves without --registry: image URIs are checked by their grammar only, and no image is pulled or checked.")
        case let .imageCheckNotFound(uri):
            return HTTPResponseParts(404, "image_check_not_found", "No image '\(uri)' was checked yet: it is checked when a version with this URI is added, and when a workspace, job or deployment starts on it.")
        case let .missingCredentials(reason):
            return HTTPResponseParts(401, "authentication_required", "Authentication required: \(reason). Send 'Authorization: Bearer <token>' or 'Authorization: token <token>'.")
        case let .presignedURLInvalid(reason):
            return HTTPResponseParts(403, "invalid_signature", "The presigned URL does not stand: \(reason).")
        case let .presignedURLExpired(expires):
            return HTTPResponseParts(403, "expired_url", "The presigned URL expired at \(UTCTimestamp.format(expires)); ask the object storage API for a new one.")
        case let .rangeNotSatisfiable(size):
            var parts = HTTPResponseParts(416, "range_not_satisfiable", "The Range starts past the end of the file, which holds \(size) bytes.")
            parts.headers.append(("Content-Range", "bytes */\(size)"))
            return parts
        }
    }

    /// The answer to an error: its status and Saturn-shaped JSON body, except for an expired presigned URL, which
    /// is answered as S3 answers one (`403` with an XML `<Expires>`), since that is how saturnfs tells it and asks
    /// for new URLs.
    static func answer(for error: any Error) -> HTTPResponse {
        guard case let APIError.presignedURLExpired(expires) = error else { return JSONResponse.error(response(for: error)) }
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>Request has expired</Message>"
            + "<Expires>\(UTCTimestamp.format(expires))</Expires></Error>"
        return HTTPResponse(status: 403, headers: [("Content-Type", "application/xml"), ("X-Saturn-Version", SaturnAPIVersion.current)], body: Array(xml.utf8))
    }

    static func response(for error: DomainError) -> HTTPResponseParts {
        switch error {
        case .unknownToken:
            return HTTPResponseParts(401, "invalid_token", "The token is not valid for this installation.")
        case .expiredToken:
            return HTTPResponseParts(401, "token_expired", "The token has expired; use a current token.")
        case .unknownRefreshToken:
            return HTTPResponseParts(401, "invalid_grant", "The refresh token is not valid for this installation.")
        case let .notOrgMember(username, org):
            return HTTPResponseParts(403, "forbidden", "User '\(username)' is not a member of org '\(org)'.")
        case let .notOrgAdmin(username, org, action):
            return HTTPResponseParts(403, "forbidden", "\(action) in org '\(org)' needs an org admin; '\(username)' is a member.")
        case let .unknownRecipeType(type):
            return HTTPResponseParts(404, "not_found", "Unknown recipe type '\(type)'; known types: \(RecipeType.names.joined(separator: ", ")).")
        case let .recipeNotFound(type, name):
            return HTTPResponseParts(404, "not_found", "No \(type) recipe named '\(name)' is visible to you.")
        case let .ambiguousRecipe(type, name, owners):
            return HTTPResponseParts(409, "ambiguous_recipe", "Several \(type) recipes named '\(name)' are visible (owners: \(owners.joined(separator: ", "))); pass owner=<org>/<identity>.")
        case let .imageNotFound(id):
            return HTTPResponseParts(404, "not_found", "No image with id '\(id)' is visible to you.")
        case let .imageTagNotFound(imageID, tagID):
            return HTTPResponseParts(404, "not_found", "Image '\(imageID)' has no tag with id '\(tagID)'.")
        case let .imageTagExists(image, version):
            return HTTPResponseParts(409, "tag_exists", "Image '\(image)' has a version '\(version)' already; PATCH its tag, or give another version.")
        case let .recipeExists(type, owner, name):
            return HTTPResponseParts(409, "recipe_exists", "The \(type) recipe '\(name)' of \(owner) exists already; PUT /api/recipes updates it.")
        case let .invalid(issues):
            var parts = HTTPResponseParts(422, "validation_error", "The request is not valid: \(issues.summary).")
            parts.errors = issues.byPath
            return parts
        case let .roleConflict(username, org, held):
            return HTTPResponseParts(409, "role_conflict", "User '\(username)' is \(held) of org '\(org)' already; a token never changes a role. Mint for another username.")
        case let .tenantNotFound(name):
            return HTTPResponseParts(404, "tenant_not_found", "No tenant named '\(name)'; GET /_mock/tenants lists them.")
        case let .tenantExists(name):
            return HTTPResponseParts(409, "tenant_exists", "A tenant named '\(name)' exists already; DELETE /_mock/tenants/\(name) first, or choose another name.")
        case let .tokenLimit(limit):
            return HTTPResponseParts(409, "token_limit", "The tenant holds \(limit) minted tokens, the most it may; POST /_mock/reset (or a restore) clears them.")
        case let .tenantLimit(limit):
            return HTTPResponseParts(409, "tenant_limit", "The server holds \(limit) tenants, its --max-tenants; delete one (DELETE /_mock/tenants/NAME) or start it with a larger --max-tenants.")
        case .defaultTenantIsPermanent:
            return HTTPResponseParts(409, "default_tenant", "The default tenant is the installation at /api and cannot be deleted; POST /_mock/reset empties it.")
        case let .notPortable(families):
            return HTTPResponseParts(409, "state_not_portable", "This tenant holds \(families.joined(separator: ", ")) made, changed or deleted over the API, which a state document does not carry: it would load without them, and deleted users would come back. Save it with PUT /_mock/snapshots/NAME instead.")
        case let .snapshotNotFound(tenant, name):
            return HTTPResponseParts(404, "snapshot_not_found", "Tenant '\(tenant)' has no snapshot named '\(name)'; GET /_mock/snapshots lists them.")
        case let .resourceNotFound(kind, id):
            return HTTPResponseParts(404, "not_found", "No \(kind) with id '\(id)' is visible to you; GET /api/recipes?type=\(kind) lists them with their state.id.")
        case let .podNotFound(name):
            return HTTPResponseParts(404, "not_found", "No pod named '\(name)'; GET /api/active/pods?workload_type=TYPE&workload_id=ID lists a resource's pods.")
        case let .lifecycleConflict(message):
            return HTTPResponseParts(409, "invalid_state", message)
        case let .imageInUse(image, users):
            return HTTPResponseParts(409, "image_in_use", "\(image) is used by \(users.joined(separator: ", ")); change or delete those first.")
        case let .notInstallationAdmin(username, primaryOrg, action):
            return HTTPResponseParts(403, "forbidden", "\(action) needs an admin of the installation (an admin of its primary org, '\(primaryOrg)'); '\(username)' is not one.")
        case let .lastAdmin(username, org):
            return HTTPResponseParts(409, "last_admin", "'\(username)' is the last admin of org '\(org)'; make another member its admin first (PATCH /api/orgs/{org_id}/members/{user_id} with \"org_admin\": true).")
        case let .lockedUser(username):
            return HTTPResponseParts(403, "user_locked", "User '\(username)' is locked; an installation admin unlocks it (PATCH /api/users/ID with \"locked\": false).")
        case let .orgNotFound(id):
            return HTTPResponseParts(404, "not_found", "No org with id '\(id)' is visible to you; GET /api/orgs lists yours.")
        case let .userNotFound(id):
            return HTTPResponseParts(404, "not_found", "No user with id '\(id)' is visible to you; GET /api/users lists them.")
        case let .entityNotFound(family, id):
            return HTTPResponseParts(404, "not_found", "No \(Self.name(of: family)) with id '\(id)' is visible to you; \(Self.listing(of: family)) lists them.")
        case let .nameTaken(what, name):
            return HTTPResponseParts(409, "name_taken", "A \(what) named '\(name)' exists already; choose another name.")
        case let .repositoryExists(owner, url, id):
            return HTTPResponseParts(409, "repository_exists", "\(owner) keeps the repository '\(url)' already (id \(id)); PATCH /api/external_repos/\(id) changes it.")
        case let .stillUsed(what, users):
            return HTTPResponseParts(409, "in_use", "\(what) is used by \(users.joined(separator: ", ")); change or delete those first.")
        case let .storeUnavailable(reason):
            return HTTPResponseParts(503, "store_unavailable", "The change was not saved: \(reason). Nothing was changed; reads still work.")
        case let .objectNotFound(owner, path):
            return HTTPResponseParts(404, "not_found", "No file '\(path)' in the object storage of \(owner).")
        case let .uploadNotFound(id):
            return HTTPResponseParts(404, "upload_not_found", "No upload '\(id)' is in progress (it was completed, cancelled, or expired); start a new one with POST /api/object_storage/upload.")
        case let .objectStorageForbidden(username, owner, writing):
            return HTTPResponseParts(403, "forbidden", writing
                ? "'\(username)' cannot write the object storage of \(owner): a user's storage is its own, and the org's (org/org) is written by its admins."
                : "'\(username)' cannot see the object storage of \(owner): a user's storage is its own; the org's (org/org) is shared with its members.")
        case let .objectStorageFull(wanted, held, limit):
            return HTTPResponseParts(400, "object_storage_limit", "\(wanted) bytes more would pass the object storage limit of this installation: \(held) of \(limit) bytes are held by files and uploads in progress (--max-object-bytes). Delete files, or start the server with a larger --max-object-bytes.")
        case let .objectStorageCount(what, limit):
            return HTTPResponseParts(400, "object_storage_limit", "This installation holds \(limit) \(what), the most it may; delete some first.")
        case let .uploadChanged(id):
            return HTTPResponseParts(409, "upload_changed", "A part of upload '\(id)' was put again while it was being completed; complete it again.")
        case let .partSize(expected, received):
            return HTTPResponseParts(400, "part_size_mismatch", "The part's URL was made for \(expected) bytes, and the body holds \(received); send the part whole, or ask for a URL of its size.")
        }
    }

    /// An entity family in words.
    private static func name(of family: EntityFamily) -> String {
        switch family {
        case .org: return "org"
        case .user: return "user"
        case .sharedFolder: return "shared folder"
        case .usageLimit: return "usage limit"
        case .resourceTemplate: return "resource template"
        case .invitation: return "invitation"
        case .serviceAccount: return "service account"
        case .objectFile: return "file of object storage"
        case .objectUpload: return "upload of object storage"
        case .secret: return "secret"
        case .externalRepo: return "external repository"
        }
    }

    /// Where a family is listed.
    private static func listing(of family: EntityFamily) -> String {
        switch family {
        case .org: return "GET /api/orgs"
        case .user: return "GET /api/users"
        case .sharedFolder: return "GET /api/shared_folders"
        case .usageLimit: return "GET /api/limits?org_id=ORG"
        case .resourceTemplate: return "GET /api/resource_templates"
        case .invitation: return "GET /api/orgs/ORG/invitations"
        case .serviceAccount: return "GET /api/service_accounts"
        case .objectFile: return "GET /api/object_storage?owner_name=OWNER"
        case .objectUpload: return "GET /api/object_storage/upload?owner_name=OWNER"
        case .secret: return "GET /api/secrets"
        case .externalRepo: return "GET /api/external_repos"
        }
    }
}
