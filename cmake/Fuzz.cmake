# libFuzzer build (-DCOCKPIT_FUZZ=ON, clang only; scripts/run-fuzz.sh drives it, docs/fuzzing.md).
# Every tests/fuzz/fuzz_*.cpp becomes an executable in <build>/fuzz/, under ASan and UBSan with
# UB fatal. Included before the libraries are added so that they are instrumented too
# (-fsanitize=fuzzer-no-link); build only the `fuzzers` target, the GUI is never needed.
option(COCKPIT_FUZZ "Build the libFuzzer targets (clang >= 16) under ASan and UBSan" OFF)
if(NOT COCKPIT_FUZZ)
  return()
endif()
# libstdc++ 12's <expected> needs P0848 (conditionally trivial destructors): clang 14 lacks it, so
# std::expected<T, cockpit::Error> does not compile there; clang 16 has it.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR CMAKE_CXX_COMPILER_VERSION VERSION_LESS 16)
  message(FATAL_ERROR "COCKPIT_FUZZ needs clang >= 16 (apt install clang-16 libclang-rt-16-dev), "
                      "not ${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                    -fno-omit-frame-pointer)
add_link_options(-fsanitize=address,undefined)
# Clang 16-18 implement P0848 but still report __cpp_concepts 201907L, which hides std::expected.
if(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 19)
  add_compile_options($<$<COMPILE_LANGUAGE:CXX>:-D__cpp_concepts=202002L>
                      $<$<COMPILE_LANGUAGE:CXX>:-Wno-macro-redefined>)
endif()

add_custom_target(fuzzers)
file(GLOB cockpit_fuzzers CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tests/fuzz/fuzz_*.cpp)
foreach(src ${cockpit_fuzzers})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_link_libraries(${name} PRIVATE cockpit_models Qt6::Core)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
  # A target that reads through a service (the evidence pack's zip) says so on a line of its own.
  file(STRINGS ${src} needs_services REGEX "^// fuzz-links: cockpit_services")
  if(needs_services)
    target_link_libraries(${name} PRIVATE cockpit_services)
  endif()
  add_dependencies(fuzzers ${name})
endforeach()
