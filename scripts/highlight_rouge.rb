# Reads a JSON array of [lang, code, mode] from stdin and prints a JSON array
# of what real Rouge (the installed gem) writes for each:
#   mode "html"  -> Rouge::Formatters::HTML over Lexer.find_fancy(lang, code),
#                   or null when Rouge has no such lexer;
#   mode "table" -> Rouge::Formatters::HTMLTable as Jekyll's linenos uses it.
# Used by scripts/regen_highlight_golden.py and scripts/highlight_table.py.
require 'json'
require 'rouge'

items = JSON.parse($stdin.read)
# When Rouge itself raises (some lexers crash on odd input), the item's result
# is {"rouge_error": message}.
out = items.map do |lang, code, mode|
  begin
    code = code.dup.force_encoding('UTF-8')
    lexer = Rouge::Lexer.find_fancy(lang, code)
    fmt = Rouge::Formatters::HTML.new
    if mode == 'table'
      lexer ||= Rouge::Lexers::PlainText.new
      fmt = Rouge::Formatters::HTMLTable.new(fmt, gutter_class: 'gutter', code_class: 'code')
    end
    lexer ? fmt.format(lexer.lex(code)) : nil
  rescue StandardError => e
    { 'rouge_error' => "#{e.class}: #{e.message}" }
  end
end
print JSON.generate(out)
