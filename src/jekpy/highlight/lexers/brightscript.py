"""BrightScript tokenised as Rouge 3.30's ``brightscript`` lexer does.

Words are classified upper-cased (``ro…`` component names as written); a
name before ``(`` is a function; ``'`` and ``REM`` start comments.
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, word_set

NAME_BUILTIN = word_set(
    """
    ABS ASC ATN CDBL CHR CINT CONTROL COPYFILE COS CREATEDIRECTORY CSNG
    DELETEDIRECTORY DELETEFILE EXP FINDMEMBERFUNCTION FINDNODE FIX
    FORMATDRIVEFORMATJSON GETINTERFACE INSTR INT LCASE LEFT LEN LISTDIR LOG
    MATCHFILES MID MOVEFILE OBSERVEFIELD PARSEJSON PARSEXML READASCIIFILE
    REBOOTSYSTEM RIGHT RND RUNGARBAGECOLLECTOR SGN SIN SLEEP SQR STR STRI STRING
    STRINGI STRTOI SUBSTITUTE TANTEXTTOP TEXT TRUCASE UPTIME VALVISIBLE VISIBLE WAIT
    """
)
KEYWORD_RESERVED = word_set(
    """
    BOX CREATEOBJECT DIM EACH ELSE ELSEIF END ENDFUNCTION ENDIF ENDSUB ENDWHILE EVAL
    EXIT EXITWHILE FALSE FOR FUNCTION GETGLOBALAA GETLASTRUNCOMPILEERROR
    GETLASTRUNRUNTIMEERROR GOTO IF IN INVALID LET LINE_NUM M NEXT OBJFUN POS PRINT
    REM RETURN RUN STEP STOP SUB TAB TO TRUE TYPE WHILE
    """
)
KEYWORD_RESERVED_UNSUPPORTED = word_set(
    """
    CLASS CONST IMPORT LIBRARY NAMESPACE PRIVATE PROTECTED PUBLIC
    """
)
KEYWORD_TYPE = word_set(
    """
    BOOLEAN DIM DOUBLE DYNAMIC FLOAT FUNCTION INTEGER INTERFACE INVALID LONGINTEGER
    OBJECT STRING VOID
    """
)
OPERATOR_WORD = word_set(
    """
    AND AS MOD NOT OR THEN
    """
)
BUILTINS = word_set(
    """
    roAppendFile roAppInfo roAppManager roArray roAssociativeArray roAudioGuide
    roAudioMetadata roAudioPlayer roAudioPlayerEvent roAudioResourceroBitmap
    roBoolean roBrightPackage roBrSub roButton roByteArray roCaptionRenderer
    roCaptionRendererEvent roCecInterface roCECStatusEvent roChannelStore
    roChannelStoreEvent roClockWidget roCodeRegistrationScreen
    roCodeRegistrationScreenEventroCompositor roControlDown roControlPort
    roControlUp roCreateFile roDatagramReceiver roDatagramSender roDataGramSocket
    roDateTime roDeviceInfo roDeviceInfoEvent roDoubleroEVPCipher roEVPDigest
    roFileSystem roFileSystemEvent roFloat roFont roFontMetrics roFontRegistry
    roFunction roGlobal roGpio roGridScreen roGridScreenEvent
    roHdmiHotPlugEventroHdmiStatus roHdmiStatusEvent roHMAC roHttpAgent
    roImageCanvas roImageCanvasEvent roImageMetadata roImagePlayer
    roImageWidgetroInput roInputEvent roInt roInvalid roIRRemote roKeyboard
    roKeyboardPress roKeyboardScreen roKeyboardScreenEventroList roListScreen
    roListScreenEvent roLocalization roLongInteger roMessageDialog
    roMessageDialogEvent roMessagePort roMicrophone roMicrophoneEvent
    roNetworkConfiguration roOneLineDialog roOneLineDialogEventroParagraphScreen
    roParagraphScreenEvent roPath roPinEntryDialog roPinEntryDialogEvent
    roPinentryScreen roPosterScreen roPosterScreenEventroProgramGuide
    roQuadravoxButton roReadFile roRectangleroRegexroRegion roRegistry
    roRegistrySection roResourceManager roRSA roRssArticle roRssParser roScreen
    roSearchHistory roSearchScreen roSearchScreenEvent roSerialPort roSGNode
    roSGNodeEvent roSGScreenroSGScreenEvent roSlideShowroSlideShowEvent roSNS5
    roSocketAddress roSocketEvent roSpringboardScreen
    roSpringboardScreenEventroSprite roStorageInfo roStreamSocket
    roStringroSystemLogroSystemLogEvent roSystemTime roTextFieldroTextScreen
    roTextScreenEvent roTextToSpeech roTextToSpeechEvent roTextureManager
    roTextureRequest roTextureRequestEventroTextWidget roTimer roTimespan
    roTouchScreen roTunerroTunerEvent roUniversalControlEvent roUrlEvent
    roUrlTransfer roVideoEvent roVideoInput roVideoMode roVideoPlayer
    roVideoPlayerEvent roVideoScreen roVideoScreenEventroWriteFile roXMLElement
    roXMLList
    """
)

ID = r"(?i:[$a-z_][a-z0-9_]*)"


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    upper = word.upper()
    if word in BUILTINS or upper in KEYWORD_RESERVED or upper in KEYWORD_RESERVED_UNSUPPORTED:
        tok = Keyword.Reserved
    elif upper in KEYWORD_TYPE:
        tok = Keyword.Type
    elif upper in NAME_BUILTIN:
        tok = Name.Builtin
    elif upper in OPERATOR_WORD:
        tok = Operator.Word
    else:
        tok = Name
    yield 0, tok, word


class BrightscriptLexer(RougeRegexLexer):
    """Rouge's ``brightscript`` lexer."""

    name = "BrightScript (Rouge)"
    aliases = ["rouge-brightscript"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text.Whitespace),
            (r"'.*", Comment.Single),
            (r"(?i)REM.*", Comment.Single),
            (r"[~!%^&*+=|?:<>/-]", Operator),
            (r"(?i)\d*\.\d+(e-?\d+)?", Number.Float),
            (r"(?i)\d+[lu]*", Number.Integer),
            (r'".*?"', String.Double),
            (rf"{ID}(?=\s*[(])", Name.Function),
            (r"[()\[\],.;{}]", Punctuation),
            (ID, _word),
        ],
    }
