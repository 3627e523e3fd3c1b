import SaturnDomain

/// Control calls (`/_mock/`) need `Authorization: Bearer <token>` when the server runs with `--control-token`.
final class ControlGuard: PipelineStep {
    let controlToken: [UInt8]?

    init(controlToken: [UInt8]?) {
        self.controlToken = controlToken
    }

    func handle(_ context: RequestContext, next: Pipeline.Next) {
        guard context.isControl, let controlToken else { return next(context) }
        guard let presented = try? Credentials.token(fromAuthorization: context.request.header("Authorization")),
              ConstantTime.equals(Array(presented.utf8), controlToken) else {
            return context.answer(APIError.controlTokenRequired)
        }
        next(context)
    }
}
