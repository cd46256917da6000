"""Word lists of Rouge 3.30's applescript lexer (extracted from the installed
gem), each joined in Rouge's order as a regex alternation (some entries are
regex fragments themselves)."""

from typing import Final

OPERATORS: Final[str] = (
    "and|or|is equal|equals|(is )?equal to|is not|isn't|isn't equal( to)?|i"
    "s not equal( to)?|doesn't equal|does not equal|(is )?greater than|come"
    "s after|is not less than or equal( to)?|isn't less than or equal( to)?"
    "|(is )?less than|comes before|is not greater than or equal( to)?|isn't"
    " greater than or equal( to)?|(is  )?greater than or equal( to)?|is not"
    " less than|isn't less than|does not come before|doesn't come before|(i"
    "s )?less than or equal( to)?|is not greater than|isn't greater than|do"
    "es not come after|doesn't come after|starts? with|begins? with|ends? w"
    "ith|contains?|does not contain|doesn't contain|is in|is contained by|i"
    "s not in|is not contained by|isn't contained by|div|mod|not|(a  )?(ref"
    "( to)?|reference to)|is|does"
)
CLASSES: Final[str] = (
    "alias |application |boolean |class |constant |date |file |integer |lis"
    "t |number |POSIX file |real |record |reference |RGB color |script |tex"
    "t |unit types|(?:Unicode )?text|string"
)
LITERALS: Final[str] = (
    "AppleScript|current application|false|linefeed|missing value|pi|quote|"
    "result|return|space|tab|text item delimiters|true|version"
)
COMMANDS: Final[str] = (
    "ASCII (character|number)|activate|beep|choose URL|choose application|c"
    "hoose color|choose file( name)?|choose folder|choose from list|choose "
    "remote application|clipboard info|close( access)?|copy|count|current d"
    "ate|delay|delete|display (alert|dialog)|do shell script|duplicate|exis"
    "ts|get eof|get volume settings|info for|launch|list (disks|folder)|loa"
    "d script|log|make|mount volume|new|offset|open( (for access|location))"
    "?|path to|print|quit|random number|read|round|run( script)?|say|script"
    "ing components|set (eof|the clipboard to|volume)|store script|summariz"
    "e|system attribute|system info|the clipboard|time to GMT|write|quoted "
    "form"
)
CONTROLS: Final[str] = (
    "considering|else|error|exit|from|if|ignoring|in|repeat|tell|then|times"
    "|to|try|until|using terms from|while|whith|with timeout( of)?|with tra"
    "nsaction|by|continue|end|its?|me|my|return|of|as"
)
DECLARATIONS: Final[str] = (
    "global|local|prop(erty)?|set|get"
)
RESERVED: Final[str] = (
    "but|put|returning|the"
)
BUILTINS: Final[str] = (
    "attachment|attribute run|character|day|month|paragraph|word|year"
)
HANDLER_PARAMS: Final[str] = (
    "about|above|against|apart from|around|aside from|at|below|beneath|besi"
    "de|between|for|given|instead of|on|onto|out of|over|since"
)
REFERENCES: Final[str] = (
    "(in )?back of|(in )?front of|[0-9]+(st|nd|rd|th)|first|second|third|fo"
    "urth|fifth|sixth|seventh|eighth|ninth|tenth|after|back|before|behind|e"
    "very|front|index|last|middle|some|that|through|thru|where|whose"
)
STUDIO_PROPERTIES: Final[str] = (
    "accepts arrow key|action method|active|alignment|allowed identifiers|a"
    "llows branch selection|allows column reordering|allows column resizing"
    "|allows column selection|allows customization|allows editing text attr"
    "ibutes|allows empty selection|allows mixed state|allows multiple selec"
    "tion|allows reordering|allows undo|alpha( value)?|alternate image|alte"
    "rnate increment value|alternate title|animation delay|associated file "
    "name|associated object|auto completes|auto display|auto enables items|"
    "auto repeat|auto resizes( outline column)?|auto save expanded items|au"
    "to save name|auto save table columns|auto saves configuration|auto scr"
    "oll|auto sizes all columns to fit|auto sizes cells|background color|be"
    "zel state|bezel style|bezeled|border rect|border type|bordered|bounds("
    " rotation)?|box type|button returned|button type|can choose directorie"
    "s|can choose files|can draw|can hide|cell( (background color|size|type"
    "))?|characters|class|click count|clicked( data)? column|clicked data i"
    "tem|clicked( data)? row|closeable|collating|color( (mode|panel))|comma"
    "nd key down|configuration|content(s| (size|view( margins)?))?|context|"
    "continuous|control key down|control size|control tint|control view|con"
    "troller visible|coordinate system|copies( on scroll)?|corner view|curr"
    "ent cell|current column|current( field)?  editor|current( menu)? item|"
    "current row|current tab view item|data source|default identifiers|delt"
    "a (x|y|z)|destination window|directory|display mode|displayed cell|doc"
    "ument( (edited|rect|view))?|double value|dragged column|dragged distan"
    "ce|dragged items|draws( cell)? background|draws grid|dynamically scrol"
    "ls|echos bullets|edge|editable|edited( data)? column|edited data item|"
    "edited( data)? row|enabled|enclosing scroll view|ending page|error han"
    "dling|event number|event type|excluded from windows menu|executable pa"
    "th|expanded|fax number|field editor|file kind|file name|file type|firs"
    "t responder|first visible column|flipped|floating|font( panel)?|format"
    "ter|frameworks path|frontmost|gave up|grid color|has data items|has ho"
    "rizontal ruler|has horizontal scroller|has parent data item|has resize"
    " indicator|has shadow|has sub menu|has vertical ruler|has vertical scr"
    "oller|header cell|header view|hidden|hides when deactivated|highlights"
    " by|horizontal line scroll|horizontal page scroll|horizontal ruler vie"
    "w|horizontally resizable|icon image|id|identifier|ignores multiple cli"
    "cks|image( (alignment|dims when disabled|frame style|scaling))?|import"
    "s graphics|increment value|indentation per level|indeterminate|index|i"
    "nteger value|intercell spacing|item height|key( (code|equivalent( modi"
    "fier)?|window))?|knob thickness|label|last( visible)? column|leading o"
    "ffset|leaf|level|line scroll|loaded|localized sort|location|loop mode|"
    "main( (bunde|menu|window))?|marker follows cell|matrix mode|maximum( c"
    "ontent)? size|maximum visible columns|menu( form representation)?|mini"
    "aturizable|miniaturized|minimized image|minimized title|minimum column"
    " width|minimum( content)? size|modal|modified|mouse down state|movie( "
    "(controller|file|rect))?|muted|name|needs display|next state|next text"
    "|number of tick marks|only tick mark values|opaque|open panel|option k"
    "ey down|outline table column|page scroll|pages across|pages down|palet"
    "te label|pane splitter|parent data item|parent window|pasteboard|path("
    " (names|separator))?|playing|plays every frame|plays selection only|po"
    "sition|preferred edge|preferred type|pressure|previous text|prompt|pro"
    "perties|prototype cell|pulls down|rate|released when closed|repeated|r"
    "equested print time|required file type|resizable|resized column|resour"
    "ce path|returns records|reuses columns|rich text|roll over|row height|"
    "rulers visible|save panel|scripts path|scrollable|selectable( identifi"
    "ers)?|selected cell|selected( data)? columns?|selected data items?|sel"
    "ected( data)? rows?|selected item identifier|selection by rect|send ac"
    "tion on arrow key|sends action when done editing|separates columns|sep"
    "arator item|sequence number|services menu|shared frameworks path|share"
    "d support path|sheet|shift key down|shows alpha|shows state by|size( m"
    "ode)?|smart insert delete enabled|sort case sensitivity|sort column|so"
    "rt order|sort type|sorted( data rows)?|sound|source( mask)?|spell chec"
    "king enabled|starting page|state|string value|sub menu|super menu|supe"
    "r view|tab key traverses cells|tab state|tab type|tab view|table view|"
    "tag|target( printer)?|text color|text container insert|text container "
    "origin|text returned|tick mark position|time stamp|title(d| (cell|font"
    "|height|position|rect))?|tool tip|toolbar|trailing offset|transparent|"
    "treat packages as directories|truncated labels|types|unmodified charac"
    "ters|update views|use sort indicator|user defaults|uses data source|us"
    "es ruler|uses threaded animation|uses title from previous column|value"
    " wraps|version|vertical( (line scroll|page scroll|ruler view))?|vertic"
    "ally resizable|view|visible( document rect)?|volume|width|window|windo"
    "ws menu|wraps|zoomable|zoomed"
)
STUDIO_CLASSES: Final[str] = (
    "action cell|alert reply|application|box|browser( cell)?|bundle|button("
    " cell)?|cell|clip view|color well|color-panel|combo box( item)?|contro"
    "l|data( (cell|column|item|row|source))?|default entry|dialog reply|doc"
    "ument|drag info|drawer|event|font(-panel)?|formatter|image( (cell|view"
    "))?|matrix|menu( item)?|item|movie( view)?|open-panel|outline view|pan"
    "el|pasteboard|plugin|popup button|progress indicator|responder|save-pa"
    "nel|scroll view|secure text field( cell)?|slider|sound|split view|step"
    "per|tab view( item)?|table( (column|header cell|header view|view))|tex"
    "t( (field( cell)?|view))?|toolbar( item)?|user-defaults|view|window"
)
STUDIO_COMMANDS: Final[str] = (
    "animate|append|call method|center|close drawer|close panel|display|dis"
    "play alert|display dialog|display panel|go|hide|highlight|increment|it"
    "em for|load image|load movie|load nib|load panel|load sound|localized "
    "string|lock focus|log|open drawer|path for|pause|perform action|play|r"
    "egister|resume|scroll|select( all)?|show|size to fit|start|step back|s"
    "tep forward|stop|synchronize|unlock focus|update"
)
