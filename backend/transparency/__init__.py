"""The public transparency page (công khai kết quả giải quyết thủ tục hành chính): Biểu 06's figures and the
Decision 766 indicators per unit, for anyone, without personal data."""
