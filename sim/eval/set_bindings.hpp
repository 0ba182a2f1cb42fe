#pragma once
// What `$address_set` and `@port_group` in a flow's match denote, looked up the way
// ovn-controller does and, failing that, from NB:
//   $name   SB Address_Set `name`; NB Address_Set `name`; for `<pg>_ip4` / `<pg>_ip6` the
//           addresses of NB Port_Group `<pg>`'s ports (what northd derives);
//           `svc_monitor_mac` (ovn-controller's own set from SB_Global, never listed) is
//           taken as empty when no table has it.
//   @name   SB Port_Group `<datapath tunnel key>_<name>` (22.x+), SB Port_Group `name`
//           (older), NB Port_Group `name`.
// Each binding says which source it came from. Built on first use of each name; safe to
// use from several threads.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "parser/bits128.hpp"
#include "sim/microflow.hpp"

namespace ovnsim {

class Bundle;

class AddressSetEntries {
public:
    void add(std::string_view address);  // ignores what does not parse as an address
    void add_exact(Bits128 value, unsigned width);  // width 32, 48 or 128
    bool contains(Bits128 value, unsigned width) const;
    std::size_t size() const { return size_; }
    // Every entry as value/mask (for microflows that name the set).
    std::vector<MaskedValue> values() const;

private:
    struct Masked {
        Bits128 value;
        Bits128 mask;
        unsigned width;
    };
    struct Hash {
        std::size_t operator()(const std::pair<std::uint64_t, std::uint64_t>& v) const noexcept {
            return std::hash<std::uint64_t>{}(v.first * 0x9E3779B97F4A7C15ULL ^ v.second);
        }
    };
    // exact entries keyed by (width, value): one lookup per test
    std::unordered_set<std::pair<std::uint64_t, std::uint64_t>, Hash> exact_[3];  // 32, 48, 128 bits
    std::vector<Masked> masked_;
    std::size_t size_ = 0;
};

struct AddressSetBinding {
    std::string name;
    std::string_view source;  // "sb/Address_Set", "nb/Address_Set", "nb/Port_Group", "assumed_empty"
    AddressSetEntries entries;
};

struct PortGroupBinding {
    std::string name;         // the name the flow wrote
    std::string bound_name;   // the row it was found as ("1_pg1" for SB)
    std::string_view source;  // "sb/Port_Group", "nb/Port_Group"
    std::unordered_set<std::string> ports;
    std::vector<std::string> port_list;  // in table order
};

class SetBindings {
public:
    explicit SetBindings(const Bundle& bundle);

    // Null when no source defines it.
    const AddressSetBinding* address_set(std::string_view name) const;
    const PortGroupBinding* port_group(std::string_view name, std::optional<std::uint32_t> datapath_key) const;

    // For errors about an unknown name: which files could have defined it.
    std::string address_set_sources() const;
    std::string port_group_sources() const;

private:
    std::unique_ptr<AddressSetBinding> build_address_set(std::string_view name) const;
    std::unique_ptr<PortGroupBinding> build_port_group(std::string_view name, std::optional<std::uint32_t> key) const;

    const Bundle& bundle_;
    mutable std::mutex mutex_;
    mutable std::unordered_map<std::string, std::unique_ptr<AddressSetBinding>> address_sets_;
    mutable std::unordered_map<std::string, std::unique_ptr<PortGroupBinding>> port_groups_;
};

}  // namespace ovnsim
