# The reader in a real terminal (tmux): highlighted quotes with speakers, the entity panel,
# Enter on an entity, the quotes view, search, help, resize, wide characters, bindings, NO_COLOR.
# Articles are our own (tests/data) with quotes and entities from annotation files, so these
# checks test the interface whatever the analysis finds.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/tui/tmux.sh"

if ! tui_have; then
	skip tui_reader "tmux or python3 missing (scripts/deps.sh installs them)"
	exit 0
fi
FIX="${DATELINE_FIXTURES:-$ROOT/build/fixtures}/fixture"
if [ ! -x "$FIX" ]; then
	not_ok tui_fixture_builds "$FIX missing: make check builds it"
	exit 0
fi
DATA="$ROOT/tests/data"
# distinctive palette colours so the checks read the theme, not guesses
cat >"$TMP/test.theme" <<'THEME'
quote     214
speaker   245 italic
mention   16 30
match     16 226
current   16 196 bold
heading   75 bold
THEME
printf 'theme %s\n' "$TMP/test.theme" >"$TMP/config"
export DATELINE_CONFIG="$TMP/config"
ART="$DATA/tui_harbour.txt $DATA/tui_harbour.ann"

tui_start 200 50 "$FIX" $ART
if ! tui_wait 'Port Elliot Council Votes'; then
	not_ok tui_starts "$(tui_text | head -5)"
	exit 0
fi
ok tui_starts

# quotations in the quote colour, each followed by its speaker in the quieter one
tui_expect_style tui_quote_highlighted "We will not leave the fishing fleet" 'fg=214 '
tui_expect_style tui_speaker_after_quote "[Maria" 'fg=245 .*italic'
tui_expect_style tui_partial_quote_highlighted "a fair start" 'fg=214 '
tui_expect_style tui_plain_text_not_highlighted "told reporters outside" 'fg=d bg=d'
tui_expect_style tui_heading_styled "Money and Delays" 'fg=75 .*bold'
tui_expect tui_dateline_line 'Port Elliot · 2025-04-02 · Coastal Wire'

# the panel: people first, most mentioned first, with role and count
tui_expect tui_panel_person_count '│ Maria Okafor +3 *$'
tui_expect tui_panel_role 'Mayor of Port Elliot'
tui_text >"$TMP/screen"
order=$(grep -nE '│ (Maria Okafor|Daniel Reyes|Zoë Brontë|People|Organisations|Places|Also named|Harbour Works Act)' "$TMP/screen" | sed 's/.*│ //; s/  .*//' | tr '\n' '/')
# a law, a work or a product is named apart, after the places: none of the three groups
expect_eq tui_panel_order "People/Maria Okafor/Daniel Reyes/Zoë Brontë/Organisations/Places/Also named/Harbour Works Act/" "$order"

# wide characters: the panel border stays in one column on every row, CJK and emoji included
tui_capture
python3 "$TUI_CELLS" column "$TMP/cap" '│' >"$TMP/cols"
expect_eq tui_wide_chars_aligned "49 $(sed -n 1p "$TMP/cols")" "$(wc -l <"$TMP/cols") $(sort -u "$TMP/cols" | tr '\n' ' ' | sed 's/ $//')"
tui_expect tui_cjk_shown '港の壁を早く直してください 🌊'

# Enter on an entity highlights its mentions; n jumps; its quotations are listed
tui_keys Tab
tui_wait 'entities +[0-9]+ quotes' >/dev/null
tui_expect_style tui_panel_selection "Maria Okafor  " 'bg=[0-9]+'
tui_keys Enter
tui_expect tui_entity_enter_message '3 mentions highlighted'
tui_expect_style tui_entity_mentions_highlighted "Okafor said the" 'mixed.*bg=30'
tui_expect_style tui_entity_mention_in_text "Okafor" 'bg=(30|196)' 3
tui_expect tui_entity_quotes_listed '│   “The money is there, and the sto'
tui_keys n
tui_expect tui_entity_next_mention 'mention 2 of 3'
tui_keys N
tui_expect tui_entity_prev_mention 'mention 1 of 3'
tui_keys Escape Escape
tui_wait_gone 'mention 1 of 3' >/dev/null

# in-article search: matches highlighted, n/N move between them
tui_keys / h a r b o u r Enter
tui_expect tui_search_count 'match 1 of [0-9]+'
tui_expect_style tui_search_current "Harbour" 'bg=196' 1
tui_expect_style tui_search_other_match "harbour" 'bg=226' 1
tui_keys n
tui_expect tui_search_next 'match 2 of'
tui_keys / z z z q Enter
tui_expect tui_search_not_found 'not found: zzzq'
tui_keys Escape

# the quotes view lists every quotation with its speaker; Enter jumps to one
tui_keys '"'
tui_expect tui_quotes_view 'Quotations \(5\)'
tui_expect tui_quotes_view_speaker '  3 Daniel Reyes'
tui_keys j j Enter
tui_wait_gone 'Quotations \(5\)' >/dev/null
tui_expect_style tui_quotes_jump_current "If the quarry prices rise again" 'bg=196'

# help lists every binding
tui_keys '?'
tui_expect tui_help_screen 'dateline: keys'
for a in toggle-panel quote-search search open refresh-all; do
	tui_expect "tui_help_lists_$a" " $a\$"
done
tui_expect tui_help_key_names '^ / +search in the article'
tui_keys q
tui_wait_gone 'dateline: keys' >/dev/null

# resize to 60x15 and back: the same screen a fresh start at that size draws, no leftovers
tui_keys Escape g
tui_resize 60 15
tui_wait '^ .*text +5 quotes +9 entities' >/dev/null
tui_text >"$TMP/small"
long=$(awk 'length($0) > 60' "$TMP/small" | wc -l)
expect_eq tui_resize_small_fits 0 "$long"
tui_resize 200 50
tui_wait '│ Maria Okafor' >/dev/null
tui_text >"$TMP/big"
tui_keys q
tui_wait 'TUI-EXITED' >/dev/null
tui_start 60 15 "$FIX" $ART
tui_wait 'Port Elliot' >/dev/null
tui_text >"$TMP/fresh-small"
if cmp -s "$TMP/small" "$TMP/fresh-small"; then ok tui_resize_small_clean; else
	not_ok tui_resize_small_clean "$(diff "$TMP/small" "$TMP/fresh-small" | head -20)"; fi
tui_keys q
tui_start 200 50 "$FIX" $ART
tui_wait '│ Maria Okafor' >/dev/null
tui_text >"$TMP/fresh-big"
if cmp -s "$TMP/big" "$TMP/fresh-big"; then ok tui_resize_back_clean; else
	not_ok tui_resize_back_clean "$(diff "$TMP/big" "$TMP/fresh-big" | head -20)"; fi
# at 60 columns the panel is an overlay: e shows it over the text
tui_resize 60 15
tui_wait '^ .*text +5 quotes +9 entities' >/dev/null # the program has redrawn at the new size
tui_keys e
tui_expect tui_narrow_panel_overlay '^ Maria Okafor +3 *$'
tui_keys q
tui_resize 40 10
tui_expect tui_smallest_size '^ +text +5 quotes +9 entities +[0-9]+/[0-9]+ [0-9]+%$'
tui_resize 200 50
tui_keys q
tui_expect tui_quits 'TUI-EXITED 0'

# bindings from the config; a bad line is an error naming the line
printf 'theme %s\nbind x quit\nbind J page-down\nunbind q\n' "$TMP/test.theme" >"$TMP/config"
tui_start 100 30 "$FIX" $ART
tui_wait 'Port Elliot Council' >/dev/null
tui_keys '?'
tui_expect tui_bind_in_help '^ X x +quit dateline'
tui_keys Escape
tui_wait_gone 'dateline: keys' >/dev/null
tui_keys J
if tui_wait_gone ' 1/[0-9]+ [0-9]+%$'; then ok tui_bind_page_down; else not_ok tui_bind_page_down "$(tail -1 "$TMP/text")"; fi

tui_keys q x
tui_expect tui_bind_quit 'TUI-EXITED 0'
printf 'theme default\nbind x fly\n' >"$TMP/config"
out=$("$FIX" $ART 2>&1 </dev/null)
expect_match tui_bad_bind_reported 'line 2: unknown action .fly.' "$out"

# o opens the link with the browser command: no shell, the URL is one argument
cat >"$TMP/browser" <<'SH'
#!/bin/sh
printf '%s\n' "$#" >"$BROWSER_LOG"
for a in "$@"; do printf '[%s]\n' "$a" >>"$BROWSER_LOG"; done
SH
chmod +x "$TMP/browser"
url='https://coastal.example/a?x=$(touch '"$TMP"'/pwned)&y=`touch '"$TMP"'/pwned2`;z "q" it'"'"'s'
cp "$DATA/tui_harbour.ann" "$TMP/url.ann"
printf 'U %s\n' "$url" >>"$TMP/url.ann"
printf 'theme %s\nbrowser %s --flag %%u\n' "$TMP/test.theme" "$TMP/browser" >"$TMP/config"
tui_start 100 30 "BROWSER_LOG=$TMP/browser.log $FIX" "$DATA/tui_harbour.txt" "$TMP/url.ann"
tui_wait 'Port Elliot Council' >/dev/null
tui_keys o
tui_expect tui_open_link_message 'opened in the browser'
expect_eq tui_open_link_one_argument "2
[--flag]
[$url]" "$(cat "$TMP/browser.log" 2>/dev/null)"
if [ -e "$TMP/pwned" ] || [ -e "$TMP/pwned2" ]; then not_ok tui_open_link_no_shell; else ok tui_open_link_no_shell; fi
tui_keys 7 o
tui_expect tui_open_link_bad_number 'no link with that number'
tui_keys X
printf 'theme %s\n' "$TMP/test.theme" >"$TMP/config"

# hostile text: escape sequences, OSC 8 links, CR and BS overwrites, bidi overrides never act
printf 'Hostile \033[31mRED\033[0m Headline\n\nA paragraph with \033]8;;https://evil.example\007a link\033]8;;\007 and \033[2J a clear.\n\nSafe text\rOVERWRITE and back\b\b\bspace and \342\200\256reversed\342\200\254 words.\n' >"$TMP/hostile.txt"
: >"$TMP/empty.ann"
tui_start 100 30 "$FIX" "$TMP/hostile.txt" "$TMP/empty.ann"
tui_wait 'Hostile' >/dev/null
tui_capture
if grep -q "$(printf '\033]8')" "$TMP/cap"; then not_ok tui_hostile_no_osc8; else ok tui_hostile_no_osc8; fi
if grep -q "$(printf '\033\\[2J')" "$TMP/cap"; then not_ok tui_hostile_no_clear; else ok tui_hostile_no_clear; fi
tui_expect_style tui_hostile_no_colour_from_text "RED" 'fg=(d|231|15) '
tui_expect tui_hostile_no_overwrite 'Safe text.?OVERWRITE and back.{0,3}space and .?reversed.? words'
tui_expect tui_hostile_headline_intact 'Hostile .*RED.* Headline'
# names and roles from the analysis reach the panel through the sanitiser too
tui_keys X
printf 'E person|Evil\033[31mRed\033]8;;https://evil.example\007Name|role\033[5m\342\200\256blink|-\n' >"$TMP/hostile.ann"
tui_start 100 30 "$FIX" "$TMP/hostile.txt" "$TMP/hostile.ann"
tui_wait 'Hostile' >/dev/null
tui_expect tui_hostile_panel_name '│ EvilRedName +0'
tui_expect_style tui_hostile_panel_no_colour "EvilRedName" 'fg=d '
tui_expect tui_hostile_panel_role '│   roleblink'
tui_capture
if grep -q "$(printf '\033]8')" "$TMP/cap"; then not_ok tui_hostile_panel_no_osc8; else ok tui_hostile_panel_no_osc8; fi
tui_keys X

# the mouse wheel scrolls the text (SGR mouse reports, as xterm sends them)
printf 'theme %s\n' "$TMP/test.theme" >"$TMP/config"
tui_start 100 30 "$FIX" $ART
tui_wait 'Port Elliot Council' >/dev/null
tui_keys -l "$(printf '\033[<65;5;5M')"
tui_expect tui_mouse_wheel_down ' 4/[0-9]+ [0-9]+%$'
tui_keys -l "$(printf '\033[<64;5;5M')"
tui_expect tui_mouse_wheel_up ' 1/[0-9]+ [0-9]+%$'
tui_keys X

# below 90 columns with rows to spare, the panel goes under the text
tui_start 80 40 "$FIX" $ART
tui_wait 'Port Elliot Council' >/dev/null
tui_text >"$TMP/below"
if grep -q '│' "$TMP/below"; then not_ok tui_panel_below "a side panel at 80 columns"; else
	line=$(grep -n '^─\{80\}$' "$TMP/below" | cut -d: -f1)
	person=$(grep -n '^ Maria Okafor  *3 *$' "$TMP/below" | cut -d: -f1)
	if [ -n "$line" ] && [ -n "$person" ] && [ "$person" -gt "$line" ]; then ok tui_panel_below; else
		not_ok tui_panel_below "separator [$line] entity [$person]"; fi
fi
tui_keys X

# every bundled theme loads
for t in default light solarized monochrome; do
	printf 'theme %s\n' "$t" >"$TMP/config"
	tui_start 100 30 "DATELINE_THEMES=$ROOT/themes $FIX" $ART
	if tui_wait 'Port Elliot Council' 30; then ok "tui_theme_$t"; else not_ok "tui_theme_$t" "$(tui_text | head -3)"; fi
	tui_keys X
done

# NO_COLOR: no colour at all, quotes still stand out
printf 'theme %s\n' "$TMP/test.theme" >"$TMP/config"
tui_start 120 30 "NO_COLOR=1 $FIX" $ART
tui_wait 'Port Elliot Council' >/dev/null
tui_expect_style tui_no_color_quote "We will not leave the fishing" 'fg=d bg=d attrs=bold'
tui_capture
if grep -q '38;5' "$TMP/cap"; then not_ok tui_no_color_none "colour codes on screen"; else ok tui_no_color_none; fi
tui_keys q
# 8 colours: the theme falls back to the ANSI colours
tui_start 120 30 "TERM=xterm $FIX" $ART
tui_wait 'Port Elliot Council' >/dev/null
tui_expect_style tui_8_colors_fallback "We will not leave the fishing" 'fg=[0-7] '
tui_keys q
# true colour on a direct-colour terminal: the theme's #rrggbb as it is
if infocmp xterm-direct >/dev/null 2>&1; then
	printf 'quote #fedc60\n' >"$TMP/rgb.theme"
	printf 'theme %s\n' "$TMP/rgb.theme" >"$TMP/config"
	tui_start 120 30 "TERM=xterm-direct $FIX" $ART
	tui_wait 'Port Elliot Council' >/dev/null
	tui_expect_style tui_truecolor_quote "We will not leave the fishing" 'fg=#fedc60 '
	tui_keys X
	# colors 256 in the config: the nearest palette colour (221, #ffd75f) even on a true-colour terminal
	printf 'theme %s\ncolors 256\n' "$TMP/rgb.theme" >"$TMP/config"
	tui_start 120 30 "TERM=xterm-direct $FIX" $ART
	tui_wait 'Port Elliot Council' >/dev/null
	tui_expect_style tui_colors_256_setting "We will not leave the fishing" 'fg=#ffd75f '
	tui_keys X
	tui_start 120 30 "TERM=xterm-256color $FIX" $ART
	tui_wait 'Port Elliot Council' >/dev/null
	tui_expect_style tui_256_fallback "We will not leave the fishing" 'fg=221 '
	tui_keys X
else
	skip tui_truecolor "no xterm-direct terminfo (ncurses-term; scripts/deps.sh installs it)"
fi
