#include "parser/source_location.hpp"

#include <algorithm>

namespace ovnsim {

InputError::InputError(std::string file, SourceLoc loc, std::string message)
    : std::runtime_error(format_diagnostic(file, loc, message)),
      file_(std::move(file)),
      loc_(loc),
      message_(std::move(message)) {}

std::string format_diagnostic(const std::string& file, SourceLoc loc, const std::string& message) {
    std::string out = file;
    if (loc.line != 0) {
        out += ':' + std::to_string(loc.line);
        if (loc.column != 0) out += ':' + std::to_string(loc.column);
    }
    out += ": ";
    out += message;
    return out;
}

SourceLoc locate(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const auto before = text.substr(0, offset);
    const auto line = static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n') + 1);
    const auto last_newline = before.rfind('\n');
    const auto column = static_cast<std::uint32_t>(
        last_newline == std::string_view::npos ? offset + 1 : offset - last_newline);
    return {line, column};
}

}  // namespace ovnsim
