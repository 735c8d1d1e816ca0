# cli-common.bash - what the command-line test scripts share: sourced by
# tests/cli_*.sh after they set CHORUS and SRC.
#   check WHAT CMD...        counts CMD's success, reports its failure
#   status_is N CMD...       succeeds when CMD exits with status N
#   finish NAME              prints the tally; fails when anything failed
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0

check() { # description, then a command that must succeed
    local what=$1
    shift
    if "$@"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $what"
    fi
}

status_is() { # expected exit status, then the command
    local want=$1
    shift
    "$@" > /dev/null 2>&1
    [ $? -eq "$want" ]
}

finish() {
    echo "$1: $pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
