#include "parser/ovsdb_log.hpp"

#include <charconv>

#include "parser/ovsdb_sha1.hpp"
#include "parser/source_location.hpp"

namespace ovnsim {
namespace {

constexpr std::string_view standalone_magic = "OVSDB JSON";
constexpr std::string_view clustered_magic = "OVSDB CLUSTER";

bool is_lower_hex(std::string_view s) {
    for (const char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

}  // namespace

std::vector<OvsdbLogRecord> split_ovsdb_log(const TextFile& file) {
    const std::string_view text = file.text();
    const auto fail = [&](std::size_t offset, const std::string& message) {
        throw InputError(file.path(), locate(text, offset), message);
    };
    if (text.empty()) fail(0, "empty file: not an OVSDB database");
    std::vector<OvsdbLogRecord> records;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t eol = text.find('\n', pos);
        const std::string_view header = text.substr(pos, eol == std::string_view::npos ? text.size() - pos : eol - pos);
        if (header.substr(0, clustered_magic.size()) == clustered_magic) {
            fail(pos, "clustered OVSDB database (OVSDB CLUSTER): ovnsim reads standalone databases; convert it with "
                      "`ovsdb-tool cluster-to-standalone standalone.db " + file.path() + "`");
        }
        if (header.substr(0, standalone_magic.size()) != standalone_magic) {
            fail(pos, records.empty() ? "not an OVSDB database file (it does not start with \"OVSDB JSON\")"
                                      : "expected an \"OVSDB JSON <length> <sha1>\" record header");
        }
        if (eol == std::string_view::npos) fail(pos, "the file ends inside a record header: truncated file?");
        // "OVSDB JSON <length> <sha1>"
        const std::string_view fields = header.substr(standalone_magic.size());
        const std::size_t sha_space = fields.rfind(' ');
        std::size_t length = 0;
        const std::string_view sha = sha_space == std::string_view::npos ? std::string_view() : fields.substr(sha_space + 1);
        const std::string_view length_text =
            sha_space == std::string_view::npos || sha_space == 0 || fields[0] != ' ' ? std::string_view()
                                                                                    : fields.substr(1, sha_space - 1);
        const auto [end, ec] = std::from_chars(length_text.data(), length_text.data() + length_text.size(), length);
        if (length_text.empty() || ec != std::errc() || end != length_text.data() + length_text.size() ||
            sha.size() != 40 || !is_lower_hex(sha)) {
            fail(pos, "malformed record header (expected \"OVSDB JSON <length> <40 hex digit sha1>\")");
        }
        const std::size_t data_offset = eol + 1;
        if (length > text.size() - data_offset) {
            fail(pos, "record claims " + std::to_string(length) + " bytes but the file has only " +
                          std::to_string(text.size() - data_offset) + " left: truncated file?");
        }
        const std::string_view data = text.substr(data_offset, length);
        if (ovsdb_sha1_hex(data) != sha) fail(data_offset, "record does not match the SHA-1 in its header: corrupted file");
        records.push_back(OvsdbLogRecord{pos, data_offset, data});
        pos = data_offset + length;
    }
    return records;
}

std::string format_ovsdb_log_record(std::string_view json) {
    std::string data(json);
    data += '\n';
    return std::string(standalone_magic) + " " + std::to_string(data.size()) + " " + ovsdb_sha1_hex(data) + "\n" + data;
}

}  // namespace ovnsim
