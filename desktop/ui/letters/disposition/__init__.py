"""The parts of the disposition dialog: one class per action, wired together by ``DispositionDialog``."""
