#pragma once
// Maps the columns of a listing, in the order the file gives them, onto OvsdbTable's
// sorted column list. Internal to the OVSDB readers.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ovnsim {

class OvsdbColumnLayout {
public:
    static constexpr std::size_t not_stored = static_cast<std::size_t>(-1);

    // `headings` as listed. problem() tells what is wrong with them, if anything.
    explicit OvsdbColumnLayout(std::vector<std::string> headings);

    const std::optional<std::string>& problem() const noexcept { return problem_; }
    const std::vector<std::string>& headings() const noexcept { return headings_; }
    const std::vector<std::string>& columns() const noexcept { return columns_; }  // sorted
    std::size_t uuid_heading() const noexcept { return uuid_heading_; }
    // Index into columns() of the heading at `heading_index`, or not_stored for _uuid/_version.
    std::size_t target(std::size_t heading_index) const noexcept { return targets_[heading_index]; }

private:
    std::vector<std::string> headings_;
    std::vector<std::string> columns_;
    std::vector<std::size_t> targets_;
    std::size_t uuid_heading_ = not_stored;
    std::optional<std::string> problem_;
};

}  // namespace ovnsim
