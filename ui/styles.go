package ui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles is every style the reader draws with, nested per part of the
// screen. Build it with NewStyles or NewMonoStyles from the renderer of the
// terminal being drawn on: over SSH that is the client's renderer, so each
// session gets its own colour profile and background.
type Styles struct {
	Articles ArticleStyles
	Compare  CompareStyles
	Diff     DiffStyles
	Story    StoryStyles
	Matrix   MatrixStyles
	Status   StatusStyles
	Help     help.Styles
	// HelpPane frames the full help; HelpTitle heads its columns.
	HelpPane  lipgloss.Style
	HelpTitle lipgloss.Style
	// Message is a centred notice: the terminal is too small, or there is
	// nothing to compare.
	Message lipgloss.Style
	// FocusMark stands in the first column of the heading of the pane
	// that keys go to, where the terminal shows no attributes: there the
	// focused heading's colour, the only sign of focus, is lost, and
	// nothing said which of two panes j, k and the page keys move. Empty
	// where the heading's colour shows it.
	FocusMark string
}

// lead is what a pane's heading starts with: the focus mark, if the pane
// has focus and the styles have one, else the blank it stands in.
func (s *Styles) lead(focused bool) string {
	if focused && s.FocusMark != "" {
		return s.FocusMark
	}
	return " "
}

// ArticleStyles draw the articles pane.
type ArticleStyles struct {
	// Pane and FocusedPane frame the list; their horizontal frame size is
	// taken from the pane's width.
	Pane, FocusedPane lipgloss.Style
	Header            lipgloss.Style
	FocusedHeader     lipgloss.Style
	Hint              lipgloss.Style
	Story             lipgloss.Style
	Outlet            lipgloss.Style
	Title             lipgloss.Style
	Meta              lipgloss.Style // word counts and similarities
	Stale             lipgloss.Style // similarities to the left article before, until those to the new one come
	Cursor            lipgloss.Style // the bar beside the article under the cursor
	Selected          lipgloss.Style // the line under the cursor
	// SelectedMeta and SelectedStale stand for Meta and Stale on the
	// line under the cursor: the faint grey of the figures is 3.5:1 on
	// the terminal's background and less on the cursor row's (2.2:1 on
	// 16 colours on a light one), so there they are the subtle grey.
	SelectedMeta, SelectedStale lipgloss.Style
	LeftMark                    lipgloss.Style
	RightMark                   lipgloss.Style
}

// CompareStyles draw the comparison pane's header.
type CompareStyles struct {
	Outlet       lipgloss.Style
	FocusOutlet  lipgloss.Style
	Title        lipgloss.Style
	LeftSwatch   lipgloss.Style
	RightSwatch  lipgloss.Style
	Rule         lipgloss.Style
	CurrentMark  lipgloss.Style // the gutter mark of the current change or match
	MovedMark    lipgloss.Style
	ChangedMark  lipgloss.Style
	OneSidedMark lipgloss.Style
	// WireMark marks the rows of a passage that three or more outlets
	// print word for word (wire copy); FactMark the rows giving a fact
	// that other outlets give differently.
	WireMark lipgloss.Style
	FactMark lipgloss.Style
}

// DiffStyles draw the text of a comparison. Deletions and insertions differ
// in hue (an orange and a blue family, which red–green colour blindness
// keeps apart) and also in attribute (strikethrough, underline), so their
// meaning never rides on colour alone.
type DiffStyles struct {
	Equal       lipgloss.Style
	Delete      lipgloss.Style
	Insert      lipgloss.Style
	DeleteMinor lipgloss.Style // punctuation or whitespace only: shown, not shouted
	InsertMinor lipgloss.Style
	// DeleteMoved and InsertMoved draw, inside a pair, a fragment the
	// other side has in another place: where it left and where it went.
	// They keep their side's colours and attributes, italic.
	DeleteMoved lipgloss.Style
	InsertMoved lipgloss.Style
	// Shared and Differ draw a paraphrase pair, shown as its two passages
	// rather than as a word diff: the content words both sides have, and
	// a number or day they give differently.
	Shared    lipgloss.Style
	Differ    lipgloss.Style
	OnlyLeft  lipgloss.Style // a passage only the left article has, in inline mode
	OnlyRight lipgloss.Style
	Title     lipgloss.Style // added to a title's text
	Dim       lipgloss.Style // headings, captions, boilerplate
	Note      lipgloss.Style // "moved; partner at ¶7", "also in ¶3"
	// Fact is added to the words of a fact that other outlets give
	// differently ("Wednesday" against "Tuesday").
	Fact  lipgloss.Style
	Empty lipgloss.Style // the cell facing a one-sided passage
	// EmptyFill is the pattern Empty fills that cell with: blank over a
	// tinted background where there is colour, dots where there is not.
	EmptyFill string
	Match     lipgloss.Style // search matches, over whatever else applies
	// CurrentMatch marks, over Match, the match that n/N moved to.
	CurrentMatch lipgloss.Style
	Separator    lipgloss.Style // between the columns
}

// StoryStyles draw the views of a whole story: quotes, the matrix and the
// passages.
type StoryStyles struct {
	// Divider and FocusedDivider draw the rule between a list and its
	// detail (the quotes), after each line of the list.
	Divider, FocusedDivider lipgloss.Style
	Header                  lipgloss.Style // a pane's title line
	FocusedHeader           lipgloss.Style
	Section                 lipgloss.Style // a section's heading: "Only one outlet reports"
	Heading                 lipgloss.Style // an entry's first line: an outlet, a speaker
	Outlet                  lipgloss.Style
	Meta                    lipgloss.Style // counts, paragraph numbers, attribution verbs
	Text                    lipgloss.Style // quoted words and passages in a list
	Hedge                   lipgloss.Style // hedges around a quote: "alleged", "probably"
	Differs                 lipgloss.Style // a speaker other than the group's
	Legend                  lipgloss.Style
	Cursor                  lipgloss.Style // the bar beside the entry under the cursor
	Selected                lipgloss.Style // the entry under the cursor
	SelectedMeta            lipgloss.Style // Meta on the entry under the cursor (see ArticleStyles)
	Rule                    lipgloss.Style
}

// MatrixStyles draw the outlets × outlets matrix.
type MatrixStyles struct {
	// Shades colour a cell by its value, least to most shared; Glyphs
	// say the same without colour (empty where there is colour).
	Shades [5]lipgloss.Style
	Glyphs [5]string
	// Diagonal is an article against itself: 100% by definition.
	Diagonal lipgloss.Style
	Cursor   lipgloss.Style
	// Header is an outlet's name heading a row or column; CursorHeader
	// the row and column of the cursor.
	Header       lipgloss.Style
	CursorHeader lipgloss.Style
}

// StatusStyles draw the status bar and the lines near it.
type StatusStyles struct {
	Bar      lipgloss.Style
	Badge    lipgloss.Style
	Stat     lipgloss.Style
	Position lipgloss.Style
	Flash    lipgloss.Style
	Problem  lipgloss.Style
	Prompt   lipgloss.Style
}

// palette is the colours a set of styles is made of. The monochrome
// palette is all lipgloss.NoColor, so the same construction yields styles
// that differ only in attributes.
type palette struct {
	text, subtle, faint, accent, accentText                  lipgloss.TerminalColor
	delFg, delBg, delSoft, insFg, insBg, insSoft, moved      lipgloss.TerminalColor
	matchFg, matchBg, barBg, selBg, warn, emptyBg, separator lipgloss.TerminalColor
	// shadeBg and shadeFg are the matrix's ramp, least to most shared:
	// one hue (blue) growing darker on light backgrounds and brighter on
	// dark ones, so the order reads without telling hues apart.
	shadeBg, shadeFg [5]lipgloss.TerminalColor
	mono             bool
}

// colours is the palette for terminals with colour. Every pair is an
// AdaptiveColor so the reader stays legible on light and dark backgrounds.
// The colours that carry a diff's meaning (changed words, matches, the
// empty cell) are CompleteAdaptiveColors: the nearest of 256 or of 16 to a
// well-chosen hex colour can be a poor one (bright yellow on yellow), so
// those profiles get colours of their own, each pair at 4.5:1 or more
// (TestChangedWordsContrast computes it for every profile).
var colours = palette{
	// On 16 colours the greys are given, as the nearest of 16 to a grey
	// is a hue: bright blue titles, cyan text, a blue cursor row under
	// them. The text is black or bright white, the subtle grey the other
	// shade of it, the faint bright black.
	text:   complete("#1F2328", "", "0", "#E6EDF3", "", "15"),
	subtle: complete("#59636E", "", "0", "#9198A1", "", "7"),
	faint:  complete("#818B98", "", "8", "#6E7681", "", "8"),
	// Magenta is dim on a dark terminal (1.8:1); bright magenta is not,
	// and takes black text.
	accent:     complete("#6639BA", "55", "5", "#B392F0", "141", "13"),
	accentText: complete("#FFFFFF", "231", "15", "#1B1033", "16", "0"),
	// On 16 colours: black on yellow for deletions, bright white on
	// blue for insertions, whatever the background, as those cells
	// bring their own.
	delFg: complete("#6B3000", "52", "0", "#FFDDB8", "230", "0"),
	delBg: complete("#FFD8B0", "223", "3", "#6A3300", "94", "3"),
	// The soft and one-sided colours stand on the terminal's own
	// background: dark ones on light, bright ones on dark.
	delSoft: complete("#B35900", "130", "1", "#F0A060", "215", "11"),
	insFg:   complete("#0A3069", "17", "15", "#D6E9FF", "189", "15"),
	insBg:   complete("#C8E1FF", "153", "4", "#0B3C78", "24", "4"),
	insSoft: complete("#0969DA", "26", "4", "#6CB6FF", "75", "14"),
	moved:   lipgloss.AdaptiveColor{Light: "#8250DF", Dark: "#D2A8FF"},
	matchFg: complete("#000000", "16", "0", "#000000", "16", "0"),
	matchBg: complete("#FFE24D", "221", "11", "#F2CC60", "221", "11"),
	barBg:   complete("#EAEEF2", "", "7", "#21262D", "", "0"),
	selBg:   complete("#E7E1F7", "", "7", "#2D2445", "", "4"),
	// On 16 colours dark yellow is too dim for warnings on either
	// background: bright yellow on dark, red on light.
	warn: complete("#9A6700", "", "1", "#E3B341", "", "11"),
	// The empty cell is a shade a screen shows against white or a dark
	// theme's grey; 256 colours' nearest to a pale grey is white itself
	// (231), so they get 254. Sixteen colours have no pale shade: they
	// fill the cell with dots instead (see newStyles).
	emptyBg:   complete("#E4E8EC", "254", "", "#343A42", "237", ""),
	separator: complete("#D0D7DE", "", "7", "#3D444D", "", "8"),
	// Sixteen colours have two blues: the nearest of 16 to each step
	// made three steps one bright blue (and black text on it, 2.4:1)
	// on a dark terminal, and two of them bright cyan on a light one.
	// They get a ramp of their own, blues and cyans in order of
	// lightness, with text at 4.5:1 or more on each.
	shadeBg: [5]lipgloss.TerminalColor{
		complete("#F6F8FA", "", "15", "#161B22", "", "0"),
		complete("#DDEBFB", "", "14", "#13304F", "", "4"),
		complete("#B6D4F6", "", "6", "#1A4A7E", "", "12"),
		complete("#6FA8E8", "", "12", "#2A6BB5", "", "6"),
		complete("#1F6FC9", "", "4", "#5DA2EE", "", "14"),
	},
	shadeFg: [5]lipgloss.TerminalColor{
		complete("#1F2328", "", "0", "#E6EDF3", "", "15"),
		complete("#1F2328", "", "0", "#E6EDF3", "", "15"),
		complete("#0A3069", "", "15", "#FFFFFF", "", "15"),
		complete("#0A1F3D", "", "15", "#FFFFFF", "", "15"),
		complete("#FFFFFF", "", "15", "#04111F", "", "0"),
	},
}

// resolve fixes every colour of p for r's background and colour profile
// once: an adaptive hex colour would otherwise be converted to the nearest
// of 256 (a search in a perceptual colour space) on every Render, and a
// frame renders hundreds of spans.
func (p palette) resolve(r *lipgloss.Renderer) palette {
	profile, dark := r.ColorProfile(), r.HasDarkBackground()
	fix := func(c lipgloss.TerminalColor) lipgloss.TerminalColor {
		hex := ""
		switch c := c.(type) {
		case lipgloss.CompleteAdaptiveColor:
			cc := c.Light
			if dark {
				cc = c.Dark
			}
			switch {
			case profile == termenv.ANSI256 && cc.ANSI256 != "":
				return lipgloss.Color(cc.ANSI256)
			case profile == termenv.ANSI && cc.ANSI != "":
				return lipgloss.Color(cc.ANSI)
			}
			hex = cc.TrueColor
		case lipgloss.AdaptiveColor:
			hex = c.Light
			if dark {
				hex = c.Dark
			}
		case lipgloss.Color:
			hex = string(c)
		default:
			return c
		}
		switch conv := profile.Convert(termenv.RGBColor(hex)).(type) {
		case termenv.ANSI256Color:
			return lipgloss.Color(strconv.Itoa(int(conv)))
		case termenv.ANSIColor:
			return lipgloss.Color(strconv.Itoa(int(conv)))
		case termenv.RGBColor:
			return lipgloss.Color(string(conv))
		}
		return lipgloss.NoColor{}
	}
	for _, c := range []*lipgloss.TerminalColor{
		&p.text, &p.subtle, &p.faint, &p.accent, &p.accentText,
		&p.delFg, &p.delBg, &p.delSoft, &p.insFg, &p.insBg, &p.insSoft, &p.moved,
		&p.matchFg, &p.matchBg, &p.barBg, &p.selBg, &p.warn, &p.emptyBg, &p.separator,
	} {
		*c = fix(*c)
	}
	for i := range p.shadeBg {
		p.shadeBg[i] = fix(p.shadeBg[i])
		p.shadeFg[i] = fix(p.shadeFg[i])
	}
	return p
}

// complete is a colour given for each profile and background: true
// colour, 256 and 16 on a light background, then the same on a dark one.
// An empty 256 or 16 falls back to the nearest to the true colour.
func complete(light, light256, light16, dark, dark256, dark16 string) lipgloss.CompleteAdaptiveColor {
	return lipgloss.CompleteAdaptiveColor{
		Light: lipgloss.CompleteColor{TrueColor: light, ANSI256: light256, ANSI: light16},
		Dark:  lipgloss.CompleteColor{TrueColor: dark, ANSI256: dark256, ANSI: dark16},
	}
}

func monochrome() palette {
	var n lipgloss.TerminalColor = lipgloss.NoColor{}
	return palette{
		text: n, subtle: n, faint: n, accent: n, accentText: n,
		delFg: n, delBg: n, delSoft: n, insFg: n, insBg: n, insSoft: n, moved: n,
		matchFg: n, matchBg: n, barBg: n, selBg: n, warn: n, emptyBg: n, separator: n,
		shadeBg: [5]lipgloss.TerminalColor{n, n, n, n, n},
		shadeFg: [5]lipgloss.TerminalColor{n, n, n, n, n},
		mono:    true,
	}
}

// NewStyles returns the reader's colour styles, drawn by r.
func NewStyles(r *lipgloss.Renderer) Styles { return newStyles(r, colours) }

// NewMonoStyles returns styles for a terminal (or a reader) that wants no
// colour: everything is told apart by attributes alone — strikethrough for
// deletions, underline for insertions, reverse for matches and the cursor,
// faint for what matters less.
func NewMonoStyles(r *lipgloss.Renderer) Styles { return newStyles(r, monochrome()) }

func newStyles(r *lipgloss.Renderer, p palette) Styles {
	p = p.resolve(r)
	st := func() lipgloss.Style { return r.NewStyle() }
	var s Styles

	s.Diff = DiffStyles{
		Equal:        st(),
		Delete:       st().Foreground(p.delFg).Background(p.delBg).Strikethrough(true),
		Insert:       st().Foreground(p.insFg).Background(p.insBg).Underline(true),
		DeleteMinor:  st().Foreground(p.delSoft).Strikethrough(true),
		InsertMinor:  st().Foreground(p.insSoft).Underline(true),
		DeleteMoved:  st().Foreground(p.delFg).Background(p.delBg).Strikethrough(true).Italic(true),
		InsertMoved:  st().Foreground(p.insFg).Background(p.insBg).Underline(true).Italic(true),
		Shared:       st().Bold(true),
		Differ:       st().Foreground(p.warn).Bold(true).Reverse(true),
		OnlyLeft:     st().Foreground(p.delSoft),
		OnlyRight:    st().Foreground(p.insSoft),
		Title:        st().Bold(true),
		Dim:          st().Foreground(p.faint).Faint(p.mono),
		Note:         st().Foreground(p.moved).Italic(true),
		Fact:         st().Foreground(p.warn).Bold(true).Reverse(true),
		Empty:        st().Background(p.emptyBg),
		EmptyFill:    " ",
		Match:        st().Foreground(p.matchFg).Background(p.matchBg).Reverse(p.mono),
		CurrentMatch: st().Foreground(p.accentText).Background(p.accent).Bold(true).Underline(p.mono),
		Separator:    st().Foreground(p.separator),
	}
	if p.mono || r.ColorProfile() == termenv.Ascii || r.ColorProfile() == termenv.ANSI {
		s.Diff.Empty = st().Foreground(p.faint).Faint(p.mono)
		s.Diff.EmptyFill = "· "
	}
	if p.mono {
		s.Diff.DeleteMinor = s.Diff.DeleteMinor.Faint(true)
		s.Diff.InsertMinor = s.Diff.InsertMinor.Faint(true)
	}

	border := lipgloss.NormalBorder()
	s.Articles = ArticleStyles{
		Pane:          st().Border(border, false, true, false, false).BorderForeground(p.separator),
		FocusedPane:   st().Border(border, false, true, false, false).BorderForeground(p.accent),
		Header:        st().Bold(true).Foreground(p.subtle),
		FocusedHeader: st().Bold(true).Foreground(p.accent).Underline(p.mono),
		Hint:          st().Foreground(p.accent).Italic(true),
		Story:         st().Bold(true).Foreground(p.text),
		Outlet:        st().Bold(true),
		Title:         st().Foreground(p.subtle),
		Meta:          st().Foreground(p.faint),
		Stale:         st().Foreground(p.faint).Faint(true).Italic(true),
		Cursor:        st().Foreground(p.accent).Bold(true),
		Selected:      st().Background(p.selBg).Reverse(p.mono),
		SelectedMeta:  st().Foreground(p.subtle),
		SelectedStale: st().Foreground(p.subtle).Faint(true).Italic(true),
		LeftMark:      st().Foreground(p.delSoft).Bold(true),
		RightMark:     st().Foreground(p.insSoft).Bold(true),
	}

	s.Compare = CompareStyles{
		Outlet:       st().Bold(true),
		FocusOutlet:  st().Bold(true).Foreground(p.accent),
		Title:        st().Foreground(p.subtle).Italic(true),
		LeftSwatch:   st().Foreground(p.delSoft).Bold(true),
		RightSwatch:  st().Foreground(p.insSoft).Bold(true),
		Rule:         st().Foreground(p.separator),
		CurrentMark:  st().Foreground(p.accent).Bold(true),
		MovedMark:    st().Foreground(p.moved).Bold(true),
		ChangedMark:  st().Foreground(p.faint),
		OneSidedMark: st().Foreground(p.subtle).Bold(true),
		WireMark:     st().Foreground(p.insSoft),
		FactMark:     st().Foreground(p.warn).Bold(true),
	}

	s.Story = StoryStyles{
		Divider:        st().Foreground(p.separator),
		FocusedDivider: st().Foreground(p.accent),
		Header:         s.Articles.Header,
		FocusedHeader:  s.Articles.FocusedHeader,
		Section:        st().Bold(true).Foreground(p.accent).Underline(p.mono),
		Heading:        st().Bold(true).Foreground(p.text),
		Outlet:         st().Bold(true),
		Meta:           st().Foreground(p.faint).Faint(p.mono),
		Text:           st().Foreground(p.subtle),
		Hedge:          st().Foreground(p.warn).Italic(true),
		Differs:        st().Foreground(p.warn).Bold(true).Underline(p.mono),
		Legend:         st().Foreground(p.subtle).Italic(true),
		Cursor:         s.Articles.Cursor,
		Selected:       s.Articles.Selected,
		SelectedMeta:   st().Foreground(p.subtle).Faint(p.mono),
		Rule:           st().Foreground(p.separator),
	}

	ascii := p.mono || r.ColorProfile() == termenv.Ascii
	for i := range s.Matrix.Shades {
		s.Matrix.Shades[i] = st().Background(p.shadeBg[i]).Foreground(p.shadeFg[i])
		if ascii {
			s.Matrix.Glyphs[i] = [5]string{" ", "░", "▒", "▓", "█"}[i]
		}
	}
	s.Matrix.Diagonal = st().Foreground(p.faint).Faint(p.mono)
	s.Matrix.Cursor = st().Background(p.accent).Foreground(p.accentText).Bold(true).Reverse(p.mono)
	s.Matrix.Header = st().Foreground(p.subtle).Bold(true)
	s.Matrix.CursorHeader = st().Foreground(p.accent).Bold(true).Underline(true)

	s.Status = StatusStyles{
		Bar:      st().Background(p.barBg).Foreground(p.text).Reverse(p.mono),
		Badge:    st().Background(p.accent).Foreground(p.accentText).Bold(true),
		Stat:     st().Background(p.barBg).Foreground(p.text).Reverse(p.mono),
		Position: st().Background(p.barBg).Foreground(p.subtle).Reverse(p.mono),
		Flash:    st().Foreground(p.accent).Bold(true),
		Problem:  st().Foreground(p.warn),
		Prompt:   st().Foreground(p.accent).Bold(true),
	}
	if p.mono {
		// A reversed badge inside a reversed bar would not stand out.
		s.Status.Badge = st().Bold(true)
	}

	// The keys and what they do, in the help and on the line of hints
	// below the views, are in the subtle grey, the keys in bold: the
	// descriptions are what the help has to say, and all the hint line
	// says of each key. They were in the faint grey of what matters
	// less, 3.6:1 on a dark terminal.
	key := st().Foreground(p.subtle).Bold(true)
	desc := st().Foreground(p.subtle)
	sep := st().Foreground(p.separator)
	s.Help = help.Styles{
		Ellipsis:       sep,
		ShortKey:       key,
		ShortDesc:      desc,
		ShortSeparator: sep,
		FullKey:        key,
		FullDesc:       desc,
		FullSeparator:  sep,
	}
	s.HelpPane = st().Padding(1, 2)
	s.HelpTitle = st().Bold(true).Foreground(p.accent).Underline(p.mono)
	s.Message = st().Foreground(p.subtle).Bold(true)
	if r.ColorProfile() == termenv.Ascii {
		s.FocusMark = "▸"
	}
	return s
}
