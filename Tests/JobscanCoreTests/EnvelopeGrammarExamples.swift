import Foundation
import Testing
@testable import JobscanCore

/// What the envelope stage made of some records: the service's lines handed on (with their
/// instance names), the diagnostics, and the lines of no instance.
struct Unwrapped: Equatable, Sendable, CustomStringConvertible {
    var lines: [String] = []
    var instances: [String] = []
    var diagnostics: [DiagnosticReason] = []
    var unattributed = 0

    var description: String { "lines \(lines), instances \(instances), diagnostics \(diagnostics), unattributed \(unattributed)" }
}

/// Collects the envelope stage's output.
private struct CollectingOutput: EnvelopeOutput {
    var result = Unwrapped()
    var names: [String] = []

    mutating func line(_ bytes: UnsafeRawBufferPointer, slot: Int, number: Int) {
        result.lines.append(String(decoding: bytes, as: UTF8.self))
        result.instances.append(names.isEmpty ? "" : names[slot])
    }

    mutating func diagnostic(_ diagnostic: EventDiagnostic) { result.diagnostics.append(diagnostic.reason) }

    mutating func instance(named name: String) -> Int {
        if let i = names.firstIndex(of: name) { return i }
        names.append(name)
        return names.count - 1
    }
}

/// Runs records (one per line of `text`) of `shape` through the envelope stage.
func unwrap(_ shape: LogShape, _ text: String, maxLineBytes: Int = 1 << 20) -> Unwrapped {
    var reader = EnvelopeReader(shape: shape, fileName: "t", maxLineBytes: maxLineBytes)
    var out = CollectingOutput()
    for (i, record) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        Array(record.utf8).withUnsafeBytes { reader.take($0, number: i + 1, &out) }
    }
    reader.finish(&out)
    out.result.unattributed = reader.counts.unattributedLines
    return out.result
}

extension GrammarTests {
    static func env(_ production: String, _ shape: LogShape, _ input: String, lines: [String], valid: Bool = true) -> Example {
        Example(file: .envelopes, production: production, valid: valid, input: Array(input.utf8),
                probe: .envelope(shape, Unwrapped(lines: lines)))
    }

    static func envFails(_ production: String, _ shape: LogShape, _ input: String, _ reason: DiagnosticReason?) -> Example {
        Example(file: .envelopes, production: production, valid: false, input: Array(input.utf8),
                probe: .envelope(shape, Unwrapped(diagnostics: reason.map { [$0] } ?? [], unattributed: reason == nil ? 1 : 0)))
    }

    static let zap = #"{"level":"info","ts":1795639521.5,"msg":"Job started","job_name":"a","start_time":"2026-11-25T20:45:21Z"}"#
    static let zapInDocker = #"{\"level\":\"info\",\"ts\":1795639521.5,\"msg\":\"Job started\",\"job_name\":\"a\",\"start_time\":\"2026-11-25T20:45:21Z\"}"#

    static let envelopeExamples: [Example] = [
        env("kubectl-line", .kubectl, "[pod/api-1/app] " + zap, lines: [zap]),
        env("kubectl-line", .kubectl, "[pod/api-1/app] 2026-11-25T20:45:21.500000000Z " + zap, lines: [zap]),
        env("kubectl-line", .kubectl, "[pod/api-1/app]", lines: [""]),
        envFails("kubectl-line", .kubectl, "error: container app is terminated", nil),
        env("kubectl-prefix", .kubectl, "[pod/api-1/app] x", lines: ["x"]),
        envFails("kubectl-prefix", .kubectl, "[pod/api-1/app]x", nil),
        env("kubectl-key", .kubectl, "[pod/a.b-c_1/d] x", lines: ["x"]),
        envFails("kubectl-key", .kubectl, "[pod/a b/c] x", nil),
        env("kubelet-stamp", .kubectl, "[pod/a/c] 2026-11-25T20:45:21.5+07:00 x", lines: ["x"]),
        // Not a time: the text after the prefix is the line.
        env("kubelet-stamp", .kubectl, "[pod/a/c] 2026-11-25T25:45:21Z x", lines: ["2026-11-25T25:45:21Z x"], valid: false),
        env("stamped-line", .kubectlTimestamps, "2026-11-25T20:45:21.123456789+07:00 " + zap, lines: [zap]),
        envFails("stamped-line", .kubectlTimestamps, "[GIN] 2026/11/25 - 20:45:21 | 200", .malformedEnvelope),
        env("cri-record", .cri, "2026-11-25T20:45:21.5Z stderr F " + zap, lines: [zap]),
        env("cri-record", .cri, "2026-11-25T20:45:21.5Z stdout F", lines: [""]),
        envFails("cri-record", .cri, "2026-11-25T20:45:21.5Z stderr " + zap, .malformedEnvelope),
        env("cri-stream", .cri, "2026-11-25T20:45:21.999999999+01:00 stdout F x", lines: ["x"]),
        envFails("cri-stream", .cri, "2026-11-25T20:45:21Z stdin F x", .malformedEnvelope),
        env("cri-tag", .cri, "2026-11-25T20:45:21Z stderr P {\"lev\n2026-11-25T20:45:21Z stdout F other\n2026-11-25T20:45:22Z stderr F el\":1}",
            lines: ["other", "{\"level\":1}"]),
        envFails("cri-tag", .cri, "2026-11-25T20:45:21Z stderr X x", .malformedEnvelope),
        env("docker-record", .docker, #"{"log":""# + zapInDocker + #"\n","stream":"stderr","time":"2026-11-25T20:45:21.5Z"}"#, lines: [zap]),
        envFails("docker-record", .docker, #"{"log":"x\n","stream":"stderr","time":"2026-11-25T20:45:21Z""#, .malformedEnvelope),
        env("docker-member", .docker, #"{"log":"a\u003cb\u0026c\u0009\ufffd\u2028\n","stream":"stdout","attrs":{"tag":"x"},"time":"2026-11-25T20:45:21Z"}"#,
            lines: ["a<b&c\t\u{FFFD}\u{2028}"]),
        env("docker-member", .docker, "{\"log\":\"{\\\"a\",\"stream\":\"stderr\",\"time\":\"t\"}\n{\"log\":\"\\\":1}\\n\",\"stream\":\"stderr\",\"time\":\"t\"}",
            lines: ["{\"a\":1}"]),
        envFails("docker-member", .docker, #"{"log":"x\n","stream":"stderr"}"#, .malformedEnvelope),
        env("journald-entry", .journald, #"{"__CURSOR":"s","__REALTIME_TIMESTAMP":"1795639521500000","_HOSTNAME":"h","_SYSTEMD_UNIT":"icy.service","MESSAGE":"x"}"#, lines: ["x"]),
        envFails("journald-entry", .journald, #"{"__CURSOR":"s","__REALTIME_TIMESTAMP":"1795639521500000","_HOSTNAME":"h"}"#, .malformedEnvelope),
        env("journald-member", .journald,
            "{\"_HOSTNAME\":\"h\",\"CONTAINER_NAME\":\"c\",\"CONTAINER_PARTIAL_MESSAGE\":\"true\",\"MESSAGE\":\"ab\"}\n{\"_HOSTNAME\":\"h\",\"CONTAINER_NAME\":\"c\",\"MESSAGE\":\"cd\"}",
            lines: ["abcd"]),
        envFails("journald-member", .journald, #"{"_HOSTNAME":"h","MESSAGE":"x",}"#, .malformedEnvelope),
        env("journald-value", .journald, #"{"_HOSTNAME":"h","MESSAGE":[27,91,51,50,109,120]}"#, lines: ["\u{1B}[32mx"]),
        envFails("journald-value", .journald, #"{"_HOSTNAME":"h","MESSAGE":null}"#, .truncatedField),
        env("byte-array", .journald, #"{"MESSAGE":[ 104 , 105 ]}"#, lines: ["hi"]),
        envFails("byte-array", .journald, #"{"MESSAGE":[104,,105]}"#, .malformedEnvelope),
        env("byte", .journald, #"{"MESSAGE":[255,0,9]}"#, lines: [String(decoding: [255, 0, 9], as: UTF8.self)]),
        envFails("byte", .journald, #"{"MESSAGE":[256]}"#, .malformedEnvelope),
        env("logcli-record", .logcli, #"{"labels":{"pod":"p"},"line":""# + zapInDocker + #"","timestamp":"2026-11-25T20:45:21.5Z"}"#, lines: [zap]),
        envFails("logcli-record", .logcli, #"{"labels":{"pod":"p"},"line":"x"}"#, .malformedEnvelope),
        env("logcli-member", .logcli,
            "{\"labels\":{\"pod\":\"p\"},\"line\":\"second\",\"timestamp\":\"2026-11-25T20:45:22Z\"}\n{\"labels\":{\"pod\":\"p\"},\"line\":\"first\",\"timestamp\":\"2026-11-25T20:45:21Z\"}",
            lines: ["first", "second"]),
        envFails("logcli-member", .logcli, #"{"labels":{"pod":"p"},"line":"x","timestamp":"yesterday"}"#, .malformedEnvelope),
    ]
}
