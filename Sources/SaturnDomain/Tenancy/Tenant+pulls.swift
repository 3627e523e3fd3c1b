/// Runs that wait for their image (`serve --registry`): each committed write that leaves a run awaiting its pull
/// hands the pull to the installation's `ImagePuller`, and its outcome comes back as one more command, recorded
/// on the run as a stored fact. The run's status stays a function of stored facts and the clock; a restart finds
/// the outcome where it was recorded, without asking the registry again.
extension Tenant {
    /// Hands the pulls of the runs a write left waiting to the puller.
    func requestPulls(after write: TenantWrite) {
        guard settings.imagePuller != nil else { return }
        // Only writes of recipes start runs; every other kind of write is left alone.
        if case let .recipes(put, _) = write {
            requestPulls(of: put)
        } else if case let .content(content) = write {
            requestPulls(of: content.recipes)
        }
    }

    /// Hands every run that waits for its pull to the puller: at start, for runs whose pull a restart cut short.
    public func resumePulls() {
        requestPulls(of: state.withLock { $0.catalog.resources })
    }

    private func requestPulls(of recipes: [Recipe]) {
        guard let puller = settings.imagePuller else { return }
        for recipe in recipes {
            guard case let .resource(spec) = recipe.spec, let run = spec.lifecycle.current, run.awaitingPull else { continue }
            let request = PullRequest(tenant: name, resourceID: recipe.id, run: run.number, uri: run.imageURI, use: ImageUse(spec))
            puller.pull(request) { [weak self] outcome in
                _ = try? self?.recordPull(request, outcome)
            }
        }
    }

    /// Records a pull's outcome on the run that asked for it, if that run still waits for it; the run is ready no
    /// earlier than now.
    @discardableResult
    public func recordPull(_ request: PullRequest, _ outcome: PullOutcome) throws(DomainError) -> Committed<Bool> {
        try run { view throws(DomainError) in
            guard let recipe = view.state.catalog.byID[request.resourceID], case var .resource(spec) = recipe.spec,
                  var current = spec.lifecycle.current, current.number == request.run, current.awaitingPull else { return (nil, false) }
            current.awaitingPull = false
            current.pulledAt = view.now.wholeSeconds
            current.imageDigest = outcome.digest
            current.failure = outcome.failure
            current.unmetRequirements = outcome.unmetRequirements
            spec.lifecycle.current = current
            return (.change(RecipeChange(before: recipe, after: recipe.with(spec))), true)
        }
    }
}
