/// The judges of what the document asks of `/opt/saturncloud`: conda and Python, the `saturn` environment, its
/// kernel, JupyterLab, PATH, and who owns the environments.
extension Requirements {
    static func judgeConda(_ image: ImageContents) -> Evidence {
        let files = image.files
        let binaries = ["\(conda)/bin/conda", "\(conda)/condabin/conda"]
        guard let binary = binaries.first(where: files.hasFile) else {
            return .unmet("no conda: neither \(binaries.joined(separator: " nor ")) is in the image")
        }
        guard let python = CondaPackage.installed(in: conda, of: files).first(where: { $0.name == "python" }) else {
            return .unmet("\(binary) is there, but \(conda)/conda-meta records no python package")
        }
        let record = "\(conda)/conda-meta/\(python.file)"
        guard python.isAtLeast(3, 7) else { return .unmet("\(record): Python \(python.version), older than 3.7") }
        return .met("\(binary)", "\(record): Python \(python.version)")
    }

    static func judgeSaturnEnvironment(_ image: ImageContents) -> Evidence {
        let files = image.files
        guard files.entry(at: saturnEnvironment)?.entry.kind == .directory else {
            return .unmet("\(saturnEnvironment) is not in the image")
        }
        let packages = CondaPackage.installed(in: saturnEnvironment, of: files)
        guard let kernel = packages.first(where: { $0.name == "ipykernel" }) else {
            return .unmet("\(saturnEnvironment)/conda-meta records no ipykernel (\(packages.count) packages); Saturn's base images (saturnbase-python) leave envs/saturn empty, and the images built on them add ipykernel")
        }
        guard files.hasFile("\(saturnEnvironment)/bin/python") else {
            return .unmet("\(saturnEnvironment)/bin/python is not in the image")
        }
        return .met("\(saturnEnvironment)/conda-meta/\(kernel.file): ipykernel \(kernel.version)", "\(saturnEnvironment)/bin/python")
    }

    static func judgeKernel(_ image: ImageContents) -> Evidence {
        let path = "\(conda)/share/jupyter/kernels/python3/kernel.json"
        guard let found = image.files.entry(at: path), found.entry.kind == .file else {
            return .unmet("\(path) is not in the image: run \(saturnPython) -m ipykernel install --name python3 --display-name 'saturn (Python 3)' --prefix=/opt/saturncloud")
        }
        guard let first = KernelSpec.firstArgument(of: found.entry.content ?? []) else {
            return .unmet("\(path) has no argv list")
        }
        guard first == saturnPython else { return .unmet("\(path): argv[0] is \(first), not \(saturnPython)") }
        return .met("\(path): argv[0] is \(first)")
    }

    static func judgeJupyterLab(_ image: ImageContents) -> Evidence {
        if let lab = CondaPackage.installed(in: conda, of: image.files).first(where: { $0.name == "jupyterlab" }) {
            return .met("\(conda)/conda-meta/\(lab.file): JupyterLab \(lab.version)")
        }
        if image.files.hasFile("\(conda)/bin/jupyter-lab") { return .met("\(conda)/bin/jupyter-lab") }
        return .unmet("no JupyterLab: \(conda)/conda-meta records no jupyterlab and \(conda)/bin/jupyter-lab is not there")
    }

    static func judgePath(_ image: ImageContents) -> Evidence {
        guard let path = image.variable("PATH") else { return .unmet("the image's configuration sets no PATH") }
        let wanted = ["/opt/saturncloud/envs/saturn/bin", "/opt/saturncloud/bin"]
        let parts = path.split(separator: ":").map(String.init)
        guard Array(parts.prefix(2)) == wanted else { return .unmet("PATH=\(path)") }
        return .met("PATH=\(path)")
    }

    static func judgeEnvironmentOwner(_ image: ImageContents) -> Evidence {
        let folder = "\(conda)/envs"
        let entries = image.files.entries(under: folder).filter { if case .symlink = $0.entry.kind { false } else { true } }
        guard !entries.isEmpty else { return .unmet("\(folder) holds nothing") }
        let others = entries.filter { $0.entry.uid != 1000 }
        guard let first = others.first else { return .met("\(entries.count) entries under \(folder), all owned by uid 1000") }
        return .unmet("\(others.count) of \(entries.count) entries under \(folder) are not owned by uid 1000, \(first.path) (uid \(first.entry.uid)) first")
    }
}
