"""The staff back office's counter (issue 14): the queue, the check step of Decree 118/2025 Art 17 (accept,
ask once for corrections, refuse), counter intake and the papers (Mẫu 01, 02, 03) they issue."""
