#include "parser/ovsdb_column_layout.hpp"

#include <algorithm>

namespace ovnsim {

OvsdbColumnLayout::OvsdbColumnLayout(std::vector<std::string> headings)
    : headings_(std::move(headings)), targets_(headings_.size(), not_stored) {
    for (std::size_t i = 0; i < headings_.size(); ++i) {
        if (headings_[i] == "_uuid") {
            if (uuid_heading_ != not_stored) problem_ = "column _uuid appears twice";
            uuid_heading_ = i;
        } else if (headings_[i] != "_version") {
            columns_.push_back(headings_[i]);
        }
    }
    std::sort(columns_.begin(), columns_.end());
    const auto duplicate = std::adjacent_find(columns_.begin(), columns_.end());
    if (duplicate != columns_.end()) problem_ = "column " + *duplicate + " appears twice";
    if (uuid_heading_ == not_stored) problem_ = "the listing has no _uuid column";
    if (problem_) return;
    for (std::size_t i = 0; i < headings_.size(); ++i) {
        if (i == uuid_heading_ || headings_[i] == "_version") continue;
        targets_[i] = static_cast<std::size_t>(
            std::lower_bound(columns_.begin(), columns_.end(), headings_[i]) - columns_.begin());
    }
}

}  // namespace ovnsim
