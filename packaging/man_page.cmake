# Writes the man page: the prose of release-cockpit.1.in around the COMMANDS and OPTIONS sections
# that the executable prints from its command table, so the page lists exactly what it runs.
# cmake -DBIN=release-cockpit -DIN=release-cockpit.1.in -DOUT=release-cockpit.1 -DVERSION=x.y.z -P man_page.cmake
execute_process(COMMAND ${BIN} --man OUTPUT_VARIABLE sections RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR sections STREQUAL "")
  message(FATAL_ERROR "'${BIN} --man' failed (${rc})")
endif()
file(READ "${IN}" page)
string(REPLACE "@COMMANDS_AND_OPTIONS@\n" "${sections}" page "${page}")
string(REPLACE "@PROJECT_VERSION@" "${VERSION}" page "${page}")
file(WRITE "${OUT}" "${page}")
