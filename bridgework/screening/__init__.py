"""Crisis screening and pattern recognition: pure Python over plain text, no Django.

``crisis.screen(text)`` rates free text for crisis language; ``patterns.recognise(text)``
finds hyper-independent thought patterns. The Django side (recording events, showing
help) lives in ``bridgework.safety``.
"""
