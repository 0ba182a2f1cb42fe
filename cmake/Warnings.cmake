add_library(ovnsim_warnings INTERFACE)
target_compile_options(ovnsim_warnings INTERFACE -Wall -Wextra -Wno-missing-field-initializers)
