#include "parser/ovsdb_listing.hpp"

#include <filesystem>

#include "parser/ovsdb_json_listing.hpp"
#include "parser/ovsdb_text_listing.hpp"

namespace ovnsim {

std::string ovsdb_table_name_from_path(const std::string& path) {
    return std::filesystem::path(path).stem().string();
}

OvsdbTable parse_ovsdb_listing(const TextFile& file, std::string table_name) {
    if (std::filesystem::path(file.path()).extension() == ".json") {
        return parse_ovsdb_json_listing(file, std::move(table_name));
    }
    return parse_ovsdb_text_listing(file, std::move(table_name));
}

OvsdbTable read_ovsdb_listing(const std::string& path) {
    const auto file = TextFile::read(path);
    return parse_ovsdb_listing(*file, ovsdb_table_name_from_path(path));
}

}  // namespace ovnsim
