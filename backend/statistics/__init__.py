"""Staff statistics: Biểu 06/VPCP/KSTT, the Decision 766 indicators and the ranking of communes."""
