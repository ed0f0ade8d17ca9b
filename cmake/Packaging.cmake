# Installation and the Debian package (`packaging/dev package`, tests/packaging).
# Built with every `cmake --build` (target newscoder_package_data): the icon's
# PNG sizes (rsvg-convert), the man pages and the bash completion of
# newscoder-cli (generated from its --help by packaging/cli-docs.py, so they
# cover every subcommand and option). `cpack -G DEB` in a build dir then packs
# newscoder_VERSION_ARCH.deb.

find_program(NEWSCODER_RSVG_CONVERT rsvg-convert REQUIRED) # librsvg2-bin
find_program(NEWSCODER_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
find_program(NEWSCODER_GZIP gzip REQUIRED)

set(NEWSCODER_APP_ID org.newscoder.Newscoder)
# The date of this version's release (man pages; the same as in the metainfo
# <release> and packaging/changelog, which tests/packaging checks).
set(NEWSCODER_RELEASE_DATE 2026-11-21)
set(newscoder_pkg_src ${PROJECT_SOURCE_DIR}/packaging)
set(newscoder_pkg_out ${CMAKE_BINARY_DIR}/packaging)
set(newscoder_icon_svg ${PROJECT_SOURCE_DIR}/resources/icons/${NEWSCODER_APP_ID}.svg)
set(newscoder_package_files)

# The window's desktop integration (icons, .desktop, metainfo, MIME type, its
# man page) only with the GUI (NEWSCODER_BUILD_GUI); the CLI's man page and
# completion always.
set(newscoder_gzipped man/newscoder-cli.1 doc/changelog)

# Icons: the SVG and PNGs rendered from it, in the hicolor theme.
if(NEWSCODER_BUILD_GUI)
  foreach(size 16 22 24 32 48 64 128 256)
    set(png ${newscoder_pkg_out}/icons/${size}x${size}/${NEWSCODER_APP_ID}.png)
    add_custom_command(OUTPUT ${png}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${newscoder_pkg_out}/icons/${size}x${size}
      COMMAND ${NEWSCODER_RSVG_CONVERT} --width=${size} --height=${size} --output=${png} ${newscoder_icon_svg}
      DEPENDS ${newscoder_icon_svg} VERBATIM)
    list(APPEND newscoder_package_files ${png})
    install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
  endforeach()
  install(FILES ${newscoder_icon_svg} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  configure_file(${newscoder_pkg_src}/man/newscoder.1.in ${newscoder_pkg_out}/man/newscoder.1 @ONLY)
  list(APPEND newscoder_gzipped man/newscoder.1)
endif()

# Man pages (compressed, as Debian policy wants) and the bash completion.
set(cli_man ${newscoder_pkg_out}/man/newscoder-cli.1)
set(cli_completion ${newscoder_pkg_out}/completion/newscoder-cli)
add_custom_command(OUTPUT ${cli_man} ${cli_completion}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${newscoder_pkg_out}/completion
  COMMAND ${NEWSCODER_PYTHON} ${newscoder_pkg_src}/cli-docs.py --cli $<TARGET_FILE:newscoder-cli>
          --man-template ${newscoder_pkg_src}/man/newscoder-cli.1.in --man ${cli_man} --completion ${cli_completion}
          --version ${PROJECT_VERSION} --date ${NEWSCODER_RELEASE_DATE}
  DEPENDS newscoder-cli ${newscoder_pkg_src}/cli-docs.py ${newscoder_pkg_src}/man/newscoder-cli.1.in VERBATIM)
configure_file(${newscoder_pkg_src}/changelog ${newscoder_pkg_out}/doc/changelog COPYONLY)
foreach(plain ${newscoder_gzipped})
  add_custom_command(OUTPUT ${newscoder_pkg_out}/${plain}.gz
    COMMAND ${NEWSCODER_GZIP} -9nkf ${newscoder_pkg_out}/${plain}
    DEPENDS ${newscoder_pkg_out}/${plain} VERBATIM)
  list(APPEND newscoder_package_files ${newscoder_pkg_out}/${plain}.gz)
endforeach()
list(APPEND newscoder_package_files ${cli_completion})
add_custom_target(newscoder_package_data ALL DEPENDS ${newscoder_package_files})

install(FILES ${newscoder_pkg_out}/man/newscoder-cli.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${cli_completion} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
if(NEWSCODER_BUILD_GUI)
  install(FILES ${newscoder_pkg_out}/man/newscoder.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES ${newscoder_pkg_src}/${NEWSCODER_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${newscoder_pkg_src}/${NEWSCODER_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${newscoder_pkg_src}/${NEWSCODER_APP_ID}.mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
          RENAME ${NEWSCODER_APP_ID}.xml)
endif()
install(FILES ${newscoder_pkg_src}/copyright ${newscoder_pkg_out}/doc/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The .deb. Dependencies: what dpkg-shlibdeps finds in the binaries, plus the
# Qt plugins they load at run time (SQLite driver, xcb platform, SVG icons).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME newscoder)
set(CPACK_PACKAGE_VENDOR "The Newscoder developers")
set(CPACK_PACKAGE_CONTACT "The Newscoder developers <newscoder@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "manual content analysis of news")
set(CPACK_PACKAGE_DESCRIPTION
    "Newscoder is a desktop tool for communication researchers, journalism\n"
    "scholars and media-bias analysts. They import a corpus of articles and\n"
    "code quotes, speakers, claims and source bias as text spans and article\n"
    "and outlet variables, in one project file that saves every action.\n"
    "It measures inter-coder reliability, exchanges projects with other QDA\n"
    "tools through REFI-QDA and exports the dataset for R, SPSS and Stata.\n"
    "newscoder-cli does everything the window does, without a display.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, qt6-svg-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
include(CPack)
