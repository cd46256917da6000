"""Word lists of Rouge 3.30's ``opentype_feature_file`` lexer (lexers/opentype_feature_file.py), kept apart from it."""

from __future__ import annotations

from jekpy.highlight.lexers.base import word_set

KEYWORDS = word_set(
    """Ascender Attach AxisValue CapHeight CaretOffset CodePageRange
    DesignAxis Descender ElidedFallbackName ElidedFallbackNameID
    ElidableAxisValueName FeatUILabelNameID FeatUITooltipTextNameID
    FontRevision FSType GlyphClassDef HorizAxis.BaseScriptList
    HorizAxis.BaseTagList HorizAxis.MinMax IgnoreBaseGlyphs
    IgnoreLigatures IgnoreMarks LigatureCaretByDev LigatureCaretByIndex
    LigatureCaretByPos LineGap MarkAttachClass MarkAttachmentType NULL
    OlderSiblingFontAttribute Panose ParamUILabelNameID RightToLeft
    SampleTextNameID TypoAscender TypoDescender TypoLineGap UnicodeRange
    UseMarkFilteringSet Vendor VertAdvanceY VertAxis.BaseScriptList
    VertAxis.BaseTagList VertAxis.MinMax VertOriginY VertTypoAscender
    VertTypoDescender VertTypoLineGap WeightClass WidthClass XHeight
    anchorDef anchor anonymous anon by contour cursive device enumerate
    enum exclude_dflt featureNames feature flag from ignore include_dflt
    include languagesystem language location lookupflag lookup markClass
    mark nameid name parameters position pos required reversesub rsub
    script sizemenuname substitute subtable sub table useExtension
    valueRecordDef winAscent winDescent"""
)
