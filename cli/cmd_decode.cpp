// `ovnsim decode BUNDLE OBS_DOMAIN_ID OBS_POINT_ID` (or pairs from --file F / stdin): what
// a collector's sample ids mean — the app, the Sample, the ACL and the message OVN-Kubernetes
// prints — and why ids that match nothing do not.
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli/bundle_argument.hpp"
#include "cli/command.hpp"
#include "cli/exit_status.hpp"
#include "parser/text_file.hpp"
#include "sim/report/sample_report.hpp"
#include "sim/sampling_decode.hpp"
#include "sim/sampling_id_input.hpp"

namespace ovnsim::cli {
namespace {

struct DecodeOptions {
    std::string bundle;
    std::string obs_domain_id;
    std::string obs_point_id;
    std::string file;
    bool json = false;
};

std::shared_ptr<const TextFile> read_pairs_file(const std::string& path) {
    if (path != "-") return TextFile::read(path);
    std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    check_text_encoding(text, "<stdin>");
    return TextFile::from_string("<stdin>", std::move(text));
}

std::vector<SampleIdPair> input_pairs(const DecodeOptions& options) {
    const bool has_ids = !options.obs_domain_id.empty() || !options.obs_point_id.empty();
    if (has_ids && !options.file.empty()) throw CLI::ValidationError("give either the two ids or --file, not both");
    if (has_ids) {
        if (options.obs_point_id.empty()) throw CLI::ValidationError("OBS_POINT_ID is missing");
        return {SampleIdPair{parse_sample_id(options.obs_domain_id, "OBS_DOMAIN_ID", "decode", {}),
                             parse_sample_id(options.obs_point_id, "OBS_POINT_ID", "decode", {}), {}}};
    }
    const auto file = read_pairs_file(options.file.empty() ? "-" : options.file);
    return read_sample_id_pairs(file->text(), file->path());
}

int run_decode(const DecodeOptions& options) {
    const auto pairs = input_pairs(options);  // bad input fails before the bundle loads
    const auto bundle = Bundle::load(options.bundle);
    if (!bundle->has_nb()) {
        throw InputError(bundle->path(), {}, "ovnsim decode needs the NB tables (nb/ or nb.db) of the bundle");
    }
    const SampleDecoder decoder(*bundle);
    std::size_t failed = 0;
    nlohmann::json results = nlohmann::json::array();
    for (const SampleIdPair& pair : pairs) {
        const DecodedSample decoded = decoder.decode(pair.obs_domain_id, pair.obs_point_id);
        failed += !decoded.decoded();
        if (options.json) {
            nlohmann::json result = decoded_sample_json(decoded);
            if (pair.loc.line != 0) result["line"] = pair.loc.line;
            results.push_back(std::move(result));
            continue;
        }
        if (&pair != &pairs.front()) std::cout << '\n';
        std::cout << hex32(pair.obs_domain_id) << ' ' << pair.obs_point_id
                  << (decoded.decoded() ? ": decoded" : ": not decoded") << '\n'
                  << format_decoded_sample(decoded);
    }
    if (options.json) {
        const nlohmann::json json{
            {"decoded", pairs.size() - failed}, {"failed", failed}, {"results", std::move(results)}};
        std::cout << json.dump(2) << '\n';
    }
    return failed == 0 ? kExitOk : kExitCheckFailed;
}

const CommandRegistration kDecode(40, [](CLI::App& app) {
    auto options = std::make_shared<DecodeOptions>();
    auto* cmd = app.add_subcommand(
        "decode", "Decode sample ids (obs_domain_id, obs_point_id) to the app, Sample, ACL and message");
    add_bundle_argument(*cmd, options->bundle);
    cmd->add_option("OBS_DOMAIN_ID", options->obs_domain_id,
                    "obs_domain_id as the collector received it (decimal or 0x hex)");
    cmd->add_option("OBS_POINT_ID", options->obs_point_id, "obs_point_id (decimal or 0x hex)");
    cmd->add_option("--file", options->file,
                    "Pairs to decode, one per line (or CSV with columns obs_domain_id,obs_point_id); - for stdin, "
                    "the default without ids");
    cmd->add_flag("--json", options->json, "JSON: decoded, failed, results");
    cmd->footer("Exit status: 0 every pair decodes, 1 some do not, 2 bad input.");
    cmd->callback([options] { set_exit_status(run_decode(*options)); });
});

}  // namespace
}  // namespace ovnsim::cli
