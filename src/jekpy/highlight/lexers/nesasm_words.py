"""Word lists of Rouge 3.30's ``nesasm`` lexer (lexers/nesasm.py), kept apart from it."""

from __future__ import annotations

KEYWORDS = ["ADC", "AND", "ASL", "BIT", "BRK", "CMP", "CPX", "CPY", "DEC", "EOR", "INC", "JMP", "JSR", "LDA", "LDX", "LDY", "LSR", "NOP", "ORA", "ROL", "ROR", "RTI", "RTS", "SBC", "STA", "STX", "STY", "TAX", "TXA", "DEX", "INX", "TAY", "TYA", "DEY", "INY", "BPL", "BMI", "BVC", "BVS", "BCC", "BCS", "BNE", "BEQ", "CLC", "SEC", "CLI", "SEI", "CLV", "CLD", "SED", "TXS", "TSX", "PHA", "PLA", "PHP", "PLP"]
