#pragma once
// Where a piece of input came from. Every IR struct that a user may need to find again in
// its file carries one; errors print it as FILE:LINE:COL.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace ovnsim {

struct SourceLoc {
    std::uint32_t line = 0;    // 1-based; 0 when unknown
    std::uint32_t column = 0;  // 1-based, counted in bytes
    friend bool operator==(const SourceLoc&, const SourceLoc&) = default;
};

// Bad input: a file that cannot be read or does not follow its grammar. Commands turn it
// into "FILE:LINE:COL: message" on stderr and exit status 2.
class InputError : public std::runtime_error {
public:
    InputError(std::string file, SourceLoc loc, std::string message);

    const std::string& file() const noexcept { return file_; }
    SourceLoc loc() const noexcept { return loc_; }
    const std::string& message() const noexcept { return message_; }

private:
    std::string file_;
    SourceLoc loc_;
    std::string message_;
};

// "FILE:LINE:COL: message" (LINE and COL omitted when unknown).
std::string format_diagnostic(const std::string& file, SourceLoc loc, const std::string& message);

// Line and column (1-based) of byte `offset` in `text`.
SourceLoc locate(std::string_view text, std::size_t offset);

}  // namespace ovnsim

#include <vector>

namespace ovnsim {

// Problems collected while checking a whole input (`ovnsim parse`), instead of stopping at
// the first one.
struct Diagnostic {
    std::string file;
    SourceLoc loc;
    std::string message;
    std::string to_string() const { return format_diagnostic(file, loc, message); }
};
using Diagnostics = std::vector<Diagnostic>;

}  // namespace ovnsim
