"""A calm "coming soon" panel standing in for a module tab that is still being built."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

_PANEL_MAX_WIDTH = 600


class ComingSoonTab(QWidget):
    """Says the module is being prepared, what it is for, and what is coming. Texts arrive translated."""

    def __init__(self, title: str, summary: str, features: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comingSoonTab")
        self.title = title

        panel = QFrame(self)
        panel.setObjectName("comingSoonPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMaximumWidth(_PANEL_MAX_WIDTH)
        # Expanding up to the maximum width: word-wrapped labels then get a real width to wrap against.
        panel.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        panel.setStyleSheet(
            "#comingSoonPanel { background: palette(base); border: 1px solid palette(mid); border-radius: 8px; }"
            "#comingSoonPanel QLabel { background: transparent; }"
        )

        badge = QLabel(self.tr("Modul ini sedang disiapkan"), panel)
        badge.setObjectName("comingSoonBadge")
        badge.setStyleSheet(
            "#comingSoonBadge { color: #7a4d00; background: #fff3d6; border-radius: 10px; padding: 3px 10px; }"
        )
        badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

        heading = QLabel(title, panel)
        heading.setObjectName("comingSoonTitle")
        heading_font = heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.6)
        heading_font.setBold(True)
        heading.setFont(heading_font)
        heading.setWordWrap(True)

        summary_label = QLabel(summary, panel)
        summary_label.setObjectName("comingSoonSummary")
        summary_label.setWordWrap(True)
        summary_label.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(panel)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)
        layout.addWidget(badge, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(heading)
        layout.addWidget(summary_label)

        self.feature_labels: list[QLabel] = []
        if features:
            layout.addSpacing(6)
            coming = QLabel(self.tr("Yang akan tersedia:"), panel)
            coming_font = coming.font()
            coming_font.setBold(True)
            coming.setFont(coming_font)
            layout.addWidget(coming)
            for feature in features:
                row = QLabel(f"•  {feature}", panel)
                row.setTextFormat(Qt.TextFormat.PlainText)
                row.setWordWrap(True)
                row.setContentsMargins(8, 0, 0, 0)
                layout.addWidget(row)
                self.feature_labels.append(row)

        note = QLabel(
            self.tr("Sementara ini, lanjutkan dengan buku atau lembar kerja yang biasa dipakai."),
            panel,
        )
        note.setWordWrap(True)
        note.setEnabled(False)  # greyed: a hint, not content
        layout.addSpacing(6)
        layout.addWidget(note)

        # Centred on a wide screen, scrollable on a small one.
        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(24, 24, 24, 24)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel, 100)
        row.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addWidget(scroll)
        self.setAccessibleName(self.tr("%1 — modul ini sedang disiapkan").replace("%1", title))
