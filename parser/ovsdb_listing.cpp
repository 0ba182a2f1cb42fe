#include "parser/ovsdb_listing.hpp"

#include <filesystem>

#include "parser/ovsdb_json_listing.hpp"
#include "parser/ovsdb_row_index_formats.hpp"
#include "parser/ovsdb_text_listing.hpp"

namespace ovnsim {

namespace {

// "nb/ACL.json.xz" -> "nb/ACL.json": compression does not change the listing's format.
std::filesystem::path without_xz(const std::string& path) {
    std::filesystem::path p(path);
    return p.extension() == ".xz" ? p.replace_extension() : p;
}

}  // namespace

std::string ovsdb_table_name_from_path(const std::string& path) {
    return without_xz(path).stem().string();
}

OvsdbTable parse_ovsdb_listing(const TextFile& file, std::string table_name) {
    if (without_xz(file.path()).extension() == ".json") {
        return parse_ovsdb_json_listing(file, std::move(table_name));
    }
    return parse_ovsdb_text_listing(file, std::move(table_name));
}

OvsdbTable read_ovsdb_listing(const std::string& path) {
    const auto file = TextFile::read(path);
    return parse_ovsdb_listing(*file, ovsdb_table_name_from_path(path));
}

std::unique_ptr<OvsdbRowIndex> index_ovsdb_listing(std::shared_ptr<const TextFile> file, std::string table_name) {
    if (without_xz(file->path()).extension() == ".json") {
        return index_ovsdb_json_listing(std::move(file), std::move(table_name));
    }
    return index_ovsdb_text_listing(std::move(file), std::move(table_name));
}

}  // namespace ovnsim
