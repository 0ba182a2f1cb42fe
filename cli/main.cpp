// ovnsim: offline OVN logical-flow simulator and ACL sampling analyzer.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "cli/command.hpp"
#include "cli/exit_status.hpp"
#include "parser/source_location.hpp"

int main(int argc, char** argv) {
    using namespace ovnsim::cli;
    CLI::App app{
        "ovnsim: why was this connection allowed or dropped, which ACL decided it, which OVN\n"
        "ACL samples fired for it, and how many logical flows does sampling cost - offline,\n"
        "from ovn-sbctl/ovn-nbctl dumps (a bundle directory or one dump-flows file).",
        "ovnsim"};
    app.set_version_flag("--version", "ovnsim 0.1.0");
    app.require_subcommand(1);
    app.fallthrough();
    add_registered_commands(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kExitBadInput;
    } catch (const ovnsim::InputError& e) {
        std::cerr << e.what() << '\n';
        return kExitBadInput;
    } catch (const std::exception& e) {
        std::cerr << "ovnsim: error: " << e.what() << '\n';
        return kExitBadInput;
    }
    return exit_status();
}
