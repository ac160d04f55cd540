#!/usr/bin/env bash
# Makes the Agents Playground's user an owner in the plan, for scripts/run.sh's PLANBOT_ACT_AS:
#   scripts/lib/playground-identity.sh "Rachel Pilsworth" OUT_DIR [OBJECT_ID]
# writes OUT_DIR/m365agentsplayground.yml (the Playground's user named as the owner, with a GUID object id: the
# Playground's own default, ...0000000000020, is not a GUID, so a people file cannot hold it) and OUT_DIR/people.csv
# (that owner tied to the same object id). PlanBot recognises people by Entra object id only, never by name, so the
# people file entry is what lets the Playground user update the owner's milestones.
set -euo pipefail
name="${1:?usage: playground-identity.sh OWNER_NAME OUT_DIR [OBJECT_ID]}"
out="${2:?usage: playground-identity.sh OWNER_NAME OUT_DIR [OBJECT_ID]}"
object_id="${3:-5a1d7e3c-8f0b-4c2e-9d61-0c7a2b4e9f10}"
# The name goes into YAML and CSV between double quotes: refuse what would break out of them.
if [[ "$name" == *'"'* || "$name" == *$'\n'* || "$name" == *'\'* ]]; then
  echo "PLANBOT_ACT_AS must be a plain name without quotes, backslashes or line breaks: $name" >&2
  exit 2
fi
if ! [[ "$object_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "PLANBOT_ACT_AS_OBJECT_ID must be a GUID: $object_id" >&2
  exit 2
fi
mkdir -p "$out"
# One Playground user: FIRST prefixes its first line, REST the others.
playground_user() { # FIRST REST ID NAME LOGIN OBJECT_ID
  printf '%sid: %s\n' "$1" "$3"
  printf '%s%s\n' "$2" "name: \"$4\"" "$2" "userPrincipleName: $5@example.com" "$2" "aadObjectId: $6" \
    "$2" "givenName: \"${4%% *}\"" "$2" "surname: \"${4##* }\"" "$2" "email: $5@example.com"
}
{
  cat <<YAML
# Written by scripts/run.sh for PLANBOT_ACT_AS; the Playground's default file with the current user replaced.
version: "0.1.1"
tenantId: 00000000-0000-0000-0000-0000000000001
bot:
  id: 00000000-0000-0000-0000-00000000000011
  name: PlanBot
currentUser:
YAML
  playground_user "  " "  " user-id-0 "$name" owner "$object_id"
  echo "# The Playground requires at least five other users; these are its own defaults."
  echo "users:"
  n=1
  for user in "Megan Bowen:meganb" "Adele Vance:adelev" "Isaiah Langer:isaiahl" "Patti Fernandez:pattif" "Lynne Robbins:lynner"; do
    playground_user "  - " "    " "user-id-$n" "${user%%:*}" "${user##*:}" "00000000-0000-0000-0000-00000000000$((20 + n))"
    n=$((n + 1))
  done
  cat <<YAML
personalChat:
  id: personal-chat-id
groupChat:
  id: group-chat-id
  name: Group Chat
team:
  id: team-id
  name: My Team
  aadGroupId: 00000000-0000-0000-0000-000000000031
  channels:
    - id: channel-announcements-id
      name: Announcements
YAML
}>"$out/m365agentsplayground.yml"
printf 'Name,Email,AadObjectId,Roles,Delegate\n"%s",,%s,,\n' "$name" "$object_id" >"$out/people.csv"
