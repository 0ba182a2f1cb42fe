#include "sim/trace_request.hpp"

namespace ovnsim {

std::string_view to_string(Verdict verdict) { return verdict == Verdict::output ? "output" : "drop"; }

std::string_view to_string(DropReason reason) {
    switch (reason) {
        case DropReason::no_match: return "no_match";
        case DropReason::drop_action: return "drop_action";
        case DropReason::no_table: return "no_table";
        case DropReason::null_output_port: return "null_output_port";
        case DropReason::unknown_output_port: return "unknown_output_port";
        case DropReason::loopback: return "loopback";
        case DropReason::loop_guard: return "loop_guard";
        case DropReason::no_peer: return "no_peer";
        case DropReason::generated_only: return "generated_only";
        case DropReason::empty_group: return "empty_group";
    }
    return "unknown";
}

std::string_view to_string(AttributionMethod method) {
    switch (method) {
        case AttributionMethod::stage_hint: return "stage_hint";
        case AttributionMethod::match_text: return "match_text";
        case AttributionMethod::connection: return "connection";
    }
    return "unknown";
}

}  // namespace ovnsim
