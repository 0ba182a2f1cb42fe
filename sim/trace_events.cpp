#include "sim/trace_events.hpp"

namespace ovnsim {

std::string_view to_string(PipelineEntry entry) {
    switch (entry) {
        case PipelineEntry::start: return "start";
        case PipelineEntry::from_ingress: return "from_ingress";
        case PipelineEntry::from_remote_ingress: return "from_remote_ingress";
        case PipelineEntry::from_patch: return "from_patch";
        case PipelineEntry::jump: return "jump";
        case PipelineEntry::multicast_copy: return "multicast_copy";
    }
    return "unknown";
}

std::string_view to_string(BranchKind kind) {
    switch (kind) {
        case BranchKind::recirculation: return "recirculation";
        case BranchKind::clone: return "clone";
        case BranchKind::generated_packet: return "generated_packet";
        case BranchKind::multicast_group: return "multicast_group";
    }
    return "unknown";
}

}  // namespace ovnsim
