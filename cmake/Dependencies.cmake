# Every dependency is a Debian bookworm package with a CMake package config.
# A missing one stops the configure step with the apt package to install.
macro(ovnsim_require package apt_package)
  find_package(${package} ${ARGN} CONFIG QUIET)
  if(NOT ${package}_FOUND)
    message(FATAL_ERROR "ovnsim needs ${package}: apt-get install ${apt_package}")
  endif()
endmacro()

ovnsim_require(Boost libboost-dev 1.74)
ovnsim_require(range-v3 librange-v3-dev)
ovnsim_require(nlohmann_json nlohmann-json3-dev)
ovnsim_require(CLI11 libcli11-dev)
if(OVNSIM_BUILD_TESTS)
  ovnsim_require(doctest doctest-dev)
endif()

# Debian's interpreter, not whatever python3 comes first on PATH: the module must
# load in /usr/bin/python3 next to python3-pandas and python3-nbclient.
if(NOT DEFINED Python_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "Python interpreter for the module and notebooks")
endif()
if(OVNSIM_BUILD_PYTHON)
  set(PYBIND11_FINDPYTHON ON)
  find_package(Python COMPONENTS Interpreter Development.Module)
  if(NOT Python_FOUND)
    message(FATAL_ERROR "ovnsim's Python module needs python3-dev: apt-get install python3-dev")
  endif()
  ovnsim_require(pybind11 pybind11-dev)
elseif(OVNSIM_BUILD_TESTS)
  find_package(Python COMPONENTS Interpreter)
endif()

# Bundles may hold xz-compressed dumps and listings (large clusters ship them that way).
# liblzma ships no CMake package config; CMake's own FindLibLZMA module finds it.
find_package(LibLZMA QUIET)
if(NOT LibLZMA_FOUND)
  message(FATAL_ERROR "ovnsim needs liblzma: apt-get install liblzma-dev")
endif()
# mimalloc replaces malloc in the ovnsim binary: a trace allocates small objects by the
# thousand, and a parallel --batch frees them across threads (glibc's malloc: 20-25% slower).
find_package(mimalloc CONFIG QUIET)
if(NOT mimalloc_FOUND)
  message(FATAL_ERROR "ovnsim needs mimalloc: apt-get install libmimalloc-dev")
endif()
# OpenSSL's libcrypto (SHA-1 of OVSDB database records): CMake's FindOpenSSL module.
find_package(OpenSSL QUIET COMPONENTS Crypto)
if(NOT OpenSSL_FOUND)
  message(FATAL_ERROR "ovnsim needs OpenSSL's libcrypto: apt-get install libssl-dev")
endif()
