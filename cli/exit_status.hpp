#pragma once
// Exit statuses, documented in README.md:
//   0  ok
//   1  a check failed (lint finding of severity error, --predict mismatch, baseline exceeded)
//   2  bad input or usage (file:line:column on stderr)
namespace ovnsim::cli {
inline constexpr int kExitOk = 0;
inline constexpr int kExitCheckFailed = 1;
inline constexpr int kExitBadInput = 2;
}  // namespace ovnsim::cli
