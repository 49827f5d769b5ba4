#!/bin/bash
# Post-remove script of the Counter deb (see after-install.sh about the dollar-brace words). On an
# upgrade dpkg runs it too, with "upgrade"; everything stays then, and the new after-install
# refreshes it.

case "$1" in
  remove | purge) ;;
  *) exit 0 ;;
esac

app_dir='/opt/${sanitizedProductName}'
command_name='${executable}'
udev_rule=70-counter-hid-pos.rules

in_chroot() { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; }

if type update-alternatives >/dev/null 2>&1; then
  update-alternatives --remove "$command_name" "$app_dir/$command_name" || true
fi
if [ -L "/usr/bin/$command_name" ] && [ ! -e "/usr/bin/$command_name" ]; then rm -f "/usr/bin/$command_name"; fi

apparmor_target="/etc/apparmor.d/$command_name"
if [ -f "$apparmor_target" ]; then
  if ! in_chroot && apparmor_status --enabled >/dev/null 2>&1; then apparmor_parser --remove "$apparmor_target" || true; fi
  rm -f "$apparmor_target"
fi

if [ -f "/usr/lib/udev/rules.d/$udev_rule" ]; then
  rm -f "/usr/lib/udev/rules.d/$udev_rule"
  if ! in_chroot && command -v udevadm >/dev/null 2>&1; then udevadm control --reload-rules || true; fi
fi

exit 0
