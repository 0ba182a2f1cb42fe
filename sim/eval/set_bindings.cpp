#include "sim/eval/set_bindings.hpp"

#include "sim/bundle.hpp"
#include "sim/eval/address_literal.hpp"

namespace ovnsim {
namespace {

int width_slot(unsigned width) { return width == 32 ? 0 : width == 48 ? 1 : width == 128 ? 2 : -1; }

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

void AddressSetEntries::add(std::string_view address) {
    const auto a = parse_address_literal(address);
    if (!a) return;
    ++size_;
    const int slot = width_slot(a->width());
    if (!a->masked && slot >= 0 && a->kind != AddressLiteral::Kind::integer) {
        exact_[slot].emplace(a->value.high(), a->value.low());
    } else {
        masked_.push_back({a->value, a->mask, a->width()});
    }
}

void AddressSetEntries::add_exact(Bits128 value, unsigned width) {
    const int slot = width_slot(width);
    if (slot < 0) return;
    ++size_;
    exact_[slot].emplace(value.high(), value.low());
}

bool AddressSetEntries::contains(Bits128 value, unsigned width) const {
    const int slot = width_slot(width);
    if (slot >= 0 && exact_[slot].contains({value.high(), value.low()})) return true;
    for (const Masked& m : masked_) {
        if ((m.width == width || m.width == 128) && (value & m.mask) == m.value) return true;
    }
    return false;
}

std::vector<MaskedValue> AddressSetEntries::values() const {
    std::vector<MaskedValue> out;
    const unsigned widths[] = {32, 48, 128};
    for (int slot = 0; slot < 3; ++slot) {
        for (const auto& [high, low] : exact_[slot])
            out.push_back({Bits128::from_parts(high, low), Bits128::ones(widths[slot])});
    }
    for (const Masked& m : masked_) out.push_back({m.value, m.mask});
    return out;
}

SetBindings::SetBindings(const Bundle& bundle) : bundle_(bundle) {}

std::unique_ptr<AddressSetBinding> SetBindings::build_address_set(std::string_view name) const {
    auto binding = std::make_unique<AddressSetBinding>();
    binding->name = std::string(name);
    if (bundle_.has_sb() && bundle_.sb_without_logical_flows().has_table("Address_Set")) {
        if (const SbAddressSet* as = bundle_.sb_without_logical_flows().address_set(name)) {
            binding->source = "sb/Address_Set";
            for (const std::string& a : as->addresses) binding->entries.add(a);
            return binding;
        }
    }
    if (bundle_.has_nb()) {
        const NbModel& nb = bundle_.nb();
        if (const NbAddressSet* as = nb.address_set(name)) {
            binding->source = "nb/Address_Set";
            for (const std::string& a : as->addresses) binding->entries.add(a);
            return binding;
        }
        for (const std::string_view suffix : {std::string_view("_ip4"), std::string_view("_ip6")}) {
            if (!ends_with(name, suffix)) continue;
            const NbPortGroup* pg = nb.port_group(name.substr(0, name.size() - suffix.size()));
            if (pg == nullptr) continue;
            binding->source = "nb/Port_Group";
            for (const NbLogicalSwitchPort* lsp : pg->ports) {
                for (const std::string& addresses : lsp->addresses) {
                    const PortAddresses parsed = parse_port_addresses(addresses);
                    const auto& ips = suffix == "_ip4" ? parsed.ipv4 : parsed.ipv6;
                    for (Bits128 ip : ips) binding->entries.add_exact(ip, suffix == "_ip4" ? 32 : 128);
                }
            }
            return binding;
        }
    }
    if (name == "svc_monitor_mac") {
        binding->source = "assumed_empty";
        return binding;
    }
    return nullptr;
}

std::unique_ptr<PortGroupBinding> SetBindings::build_port_group(std::string_view name,
                                                                std::optional<std::uint32_t> key) const {
    auto binding = std::make_unique<PortGroupBinding>();
    binding->name = std::string(name);
    if (bundle_.has_sb() && bundle_.sb_without_logical_flows().has_table("Port_Group")) {
        const SbModel& sb = bundle_.sb_without_logical_flows();
        const SbPortGroup* pg = key ? sb.port_group(std::to_string(*key) + "_" + std::string(name)) : nullptr;
        if (pg == nullptr) pg = sb.port_group(name);
        if (pg != nullptr) {
            binding->bound_name = pg->name;
            binding->source = "sb/Port_Group";
            binding->port_list = pg->ports;
            binding->ports.insert(pg->ports.begin(), pg->ports.end());
            return binding;
        }
    }
    if (bundle_.has_nb()) {
        if (const NbPortGroup* pg = bundle_.nb().port_group(name)) {
            binding->bound_name = pg->name;
            binding->source = "nb/Port_Group";
            for (const NbLogicalSwitchPort* lsp : pg->ports) binding->port_list.push_back(lsp->name);
            binding->ports.insert(binding->port_list.begin(), binding->port_list.end());
            return binding;
        }
    }
    return nullptr;
}

const AddressSetBinding* SetBindings::address_set(std::string_view name) const {
    std::lock_guard lock(mutex_);
    const std::string key(name);
    auto it = address_sets_.find(key);
    if (it == address_sets_.end()) it = address_sets_.emplace(key, build_address_set(name)).first;
    return it->second.get();
}

const PortGroupBinding* SetBindings::port_group(std::string_view name, std::optional<std::uint32_t> datapath_key) const {
    std::lock_guard lock(mutex_);
    const std::string key = (datapath_key ? std::to_string(*datapath_key) : std::string("-")) + "/" + std::string(name);
    auto it = port_groups_.find(key);
    if (it == port_groups_.end()) it = port_groups_.emplace(key, build_port_group(name, datapath_key)).first;
    return it->second.get();
}

std::string SetBindings::address_set_sources() const {
    if (!bundle_.has_sb() && !bundle_.has_nb())
        return "the bundle has no tables: add sb/Address_Set.json (ovn-sbctl --format=json list Address_Set) "
               "or nb/Address_Set.json";
    return "not in sb/Address_Set, nb/Address_Set or derived from nb/Port_Group";
}

std::string SetBindings::port_group_sources() const {
    if (!bundle_.has_sb() && !bundle_.has_nb())
        return "the bundle has no tables: add sb/Port_Group.json (ovn-sbctl --format=json list Port_Group) "
               "or nb/Port_Group.json";
    return "not in sb/Port_Group or nb/Port_Group";
}

}  // namespace ovnsim
