#include "sim/logical_flows.hpp"

#include <algorithm>
#include <numeric>

namespace ovnsim {

// Sorts the flows by (datapath, pipeline, table, priority descending) and cuts the sorted
// sequence into stages.
class LogicalFlowsBuilder {
public:
    explicit LogicalFlowsBuilder(LogicalFlows& model) : model_(model), dump_(*model.dump_) {}

    void build() {
        order_flows();
        make_datapaths();
        cut_stages();
    }

private:
    static std::uint64_t sort_key(const DumpFlow& f) {
        return (std::uint64_t{f.datapath} << 33) | (std::uint64_t{f.pipeline == Pipeline::Egress} << 32) |
               (std::uint64_t{f.table} << 16) | std::uint64_t{0xFFFFu - f.priority};
    }

    void order_flows() {
        const auto& flows = dump_.flows;
        auto& ordered = model_.ordered_;
        ordered.resize(flows.size());
        std::transform(flows.begin(), flows.end(), ordered.begin(), [](const DumpFlow& f) { return &f; });
        const auto by_key = [](const DumpFlow* a, const DumpFlow* b) { return sort_key(*a) < sort_key(*b); };
        if (!std::is_sorted(ordered.begin(), ordered.end(), by_key)) {
            std::stable_sort(ordered.begin(), ordered.end(), by_key);
        }
    }

    void make_datapaths() {
        auto& datapaths = model_.datapaths_;
        datapaths.resize(dump_.datapaths.size());
        for (std::size_t i = 0; i < datapaths.size(); ++i) {
            const DumpDatapath& source = dump_.datapaths[i];
            LogicalDatapath& dp = datapaths[i];
            dp.name = source.name;
            dp.name2 = source.name2;
            dp.uuid = source.uuid;
            dp.index = static_cast<std::uint32_t>(i);
            dp.ingress.kind_ = Pipeline::Ingress;
            dp.egress.kind_ = Pipeline::Egress;
        }
    }

    void cut_stages() {
        const auto& ordered = model_.ordered_;
        first_flow_of_stage_.assign(dump_.stage_names.size(), nullptr);
        for (std::size_t begin = 0; begin < ordered.size();) {
            const DumpFlow& first = *ordered[begin];
            std::size_t end = begin + 1;
            while (end < ordered.size() && same_table(*ordered[end], first)) {
                check_same_stage(*ordered[end], first);
                ++end;
            }
            LogicalDatapath& dp = model_.datapaths_[first.datapath];
            LogicalPipeline& pipeline = first.pipeline == Pipeline::Ingress ? dp.ingress : dp.egress;
            if (pipeline.stages_.empty()) forget_stage_tables();
            check_stage_unique(first, dp);
            pipeline.stages_.push_back({dump_.stage_name(first), first.stage, first.table, first.pipeline,
                                        std::span<const DumpFlow* const>(ordered.data() + begin, end - begin)});
            begin = end;
        }
    }

    static bool same_table(const DumpFlow& a, const DumpFlow& b) {
        return a.datapath == b.datapath && a.pipeline == b.pipeline && a.table == b.table;
    }

    void check_same_stage(const DumpFlow& flow, const DumpFlow& first) const {
        if (flow.stage == first.stage) return;
        throw InputError(dump_.path(), dump_.loc(flow),
                         "table " + std::to_string(flow.table) + " of " + model_.datapaths_[flow.datapath].label() + " " +
                             std::string(to_string(flow.pipeline)) + " holds stage \"" +
                             std::string(dump_.stage_name(flow)) + "\" here but stage \"" +
                             std::string(dump_.stage_name(first)) + "\" at line " + std::to_string(first.line));
    }

    // A stage name stands for one table of a pipeline (empty names excepted).
    void check_stage_unique(const DumpFlow& first, const LogicalDatapath& dp) {
        const auto name = dump_.stage_name(first);
        if (name.empty()) return;
        const DumpFlow*& seen = first_flow_of_stage_[first.stage];
        if (seen == nullptr) {
            seen = &first;
            touched_.push_back(first.stage);
            return;
        }
        throw InputError(dump_.path(), dump_.loc(first),
                         "stage \"" + std::string(name) + "\" of " + dp.label() + " " +
                             std::string(to_string(first.pipeline)) + " is at table " + std::to_string(first.table) +
                             " here but at table " + std::to_string(seen->table) + " at line " +
                             std::to_string(seen->line));
    }

    void forget_stage_tables() {
        for (const auto stage : touched_) first_flow_of_stage_[stage] = nullptr;
        touched_.clear();
    }

    LogicalFlows& model_;
    const LflowDump& dump_;
    std::vector<const DumpFlow*> first_flow_of_stage_;  // per stage id, in the current pipeline
    std::vector<std::uint32_t> touched_;
};

std::size_t LogicalPipeline::flow_count() const {
    return std::accumulate(stages_.begin(), stages_.end(), std::size_t{0},
                           [](std::size_t n, const LogicalStage& s) { return n + s.flows.size(); });
}

const LogicalStage* LogicalPipeline::stage(std::string_view name) const {
    const auto it = std::find_if(stages_.begin(), stages_.end(), [&](const LogicalStage& s) { return s.name == name; });
    return it == stages_.end() ? nullptr : &*it;
}

const LogicalStage* LogicalPipeline::stage_at_table(std::uint16_t table) const {
    const auto it = std::lower_bound(stages_.begin(), stages_.end(), table,
                                     [](const LogicalStage& s, std::uint16_t t) { return s.table < t; });
    return it != stages_.end() && it->table == table ? &*it : nullptr;
}

const LogicalStage* LogicalPipeline::next_stage(const LogicalStage& stage) const {
    const auto* next = &stage + 1;
    return next < stages_.data() + stages_.size() ? next : nullptr;
}

namespace {

std::string describe_all(const std::vector<const LogicalDatapath*>& datapaths) {
    constexpr std::size_t kListed = 10;
    std::string out;
    for (std::size_t i = 0; i < datapaths.size() && i < kListed; ++i) {
        const auto& dp = *datapaths[i];
        out += i == 0 ? " " : ", ";
        out += dp.label();
        if (!dp.name.empty() || !dp.name2.empty()) out += " (" + std::string(dp.uuid) + ")";
    }
    if (datapaths.size() > kListed) out += ", ... (" + std::to_string(datapaths.size() - kListed) + " more)";
    return out;
}

}  // namespace

std::string LogicalDatapath::label() const {
    std::string out;
    if (name.empty() && name2.empty()) return out.append("(").append(uuid).append(")");
    out.append("\"").append(name).append("\"");
    if (!name2.empty()) out.append(" aka \"").append(name2).append("\"");
    return out;
}

LogicalFlows::LogicalFlows(std::shared_ptr<const LflowDump> dump) : dump_(std::move(dump)) {
    LogicalFlowsBuilder(*this).build();
}

std::vector<const LogicalDatapath*> LogicalFlows::find_datapaths(std::string_view key) const {
    std::vector<const LogicalDatapath*> found;
    const auto collect = [&](auto&& matches) {
        for (const auto& dp : datapaths_) {
            if (matches(dp)) found.push_back(&dp);
        }
        return !found.empty();
    };
    if (key.empty()) return found;
    if (collect([&](const LogicalDatapath& dp) { return dp.uuid == key; })) return found;
    if (collect([&](const LogicalDatapath& dp) { return dp.name == key || dp.name2 == key; })) return found;
    if (key.size() >= 4) collect([&](const LogicalDatapath& dp) { return dp.uuid.starts_with(key); });
    return found;
}

const LogicalDatapath& LogicalFlows::datapath(std::string_view key) const {
    const auto found = find_datapaths(key);
    if (found.size() == 1) return *found.front();
    if (found.empty()) {
        std::vector<const LogicalDatapath*> all;
        for (const auto& dp : datapaths_) all.push_back(&dp);
        throw InputError(dump_->path(), {}, "no datapath \"" + std::string(key) + "\"; the dump has:" + describe_all(all));
    }
    throw InputError(dump_->path(), {},
                     "\"" + std::string(key) + "\" names " + std::to_string(found.size()) +
                         " datapaths:" + describe_all(found) + "; give a uuid");
}

}  // namespace ovnsim
