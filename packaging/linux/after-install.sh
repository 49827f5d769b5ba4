#!/bin/bash
# Post-install script of the Counter deb. electron-builder replaces each dollar-brace word below
# when it builds the package (an unknown word fails the build, even in a comment), so shell
# variables here never use braces.

app_dir='/opt/${sanitizedProductName}'
command_name='${executable}'
udev_rule=70-counter-hid-pos.rules

in_chroot() { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; }

# `counter` on PATH, through alternatives where the system has them.
if type update-alternatives >/dev/null 2>&1; then
  update-alternatives --install "/usr/bin/$command_name" "$command_name" "$app_dir/$command_name" 100 ||
    ln -sf "$app_dir/$command_name" "/usr/bin/$command_name"
else
  ln -sf "$app_dir/$command_name" "/usr/bin/$command_name"
fi

# Chromium's sandbox needs its setuid helper only where unprivileged user namespaces are off.
# The sysctls are read as well as tried, because root may create a namespace a user may not.
if [ "$(cat /proc/sys/kernel/unprivileged_userns_clone 2>/dev/null)" = 0 ] ||
  [ "$(cat /proc/sys/user/max_user_namespaces 2>/dev/null)" = 0 ] ||
  ! unshare --user true 2>/dev/null; then
  chmod 4755 "$app_dir/chrome-sandbox" || true
else
  chmod 0755 "$app_dir/chrome-sandbox" || true
fi

# Ubuntu 24.04 and later allow user namespaces only to programs with an AppArmor profile that says
# so; electron-builder ships that profile in resources/. Older AppArmor that cannot parse it
# does not restrict namespaces either, so it is then skipped.
apparmor_source="$app_dir/resources/apparmor-profile"
apparmor_target="/etc/apparmor.d/$command_name"
if [ -f "$apparmor_source" ] && apparmor_status --enabled >/dev/null 2>&1 &&
  apparmor_parser --skip-kernel-load --skip-cache "$apparmor_source" >/dev/null 2>&1; then
  cp -f "$apparmor_source" "$apparmor_target"
  if ! in_chroot; then apparmor_parser --replace --write-cache --skip-read-cache "$apparmor_target" || true; fi
fi

# The udev rule that lets the person at the till open HID point-of-sale scanners. It goes where
# packages put rules, so IT can override it with a file of the same name in /etc/udev/rules.d.
if [ -f "$app_dir/udev/$udev_rule" ]; then
  install -D -m 0644 "$app_dir/udev/$udev_rule" "/usr/lib/udev/rules.d/$udev_rule"
  if ! in_chroot && command -v udevadm >/dev/null 2>&1; then
    udevadm control --reload-rules || true
    # Scanners plugged in before the install get the new permissions now, not at the next plug.
    udevadm trigger --action=change --subsystem-match=hidraw --subsystem-match=usb || true
  fi
fi

if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database /usr/share/applications || true
fi

exit 0
