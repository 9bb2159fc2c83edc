from bridgework.circle import models
from bridgework.circle.observations import KIND_LETTERS, KINDS, RINGS, SIZE_WEIGHTS, SIZES


def test_the_pure_modules_use_the_same_ids_as_the_models() -> None:
    assert tuple(key for key, _ in models.RING_CHOICES) == RINGS
    assert tuple(key for key, _ in models.KIND_CHOICES) == KINDS
    assert tuple(key for key, _ in models.SIZE_CHOICES) == SIZES
    assert set(KIND_LETTERS) == set(KINDS)
    assert set(SIZE_WEIGHTS) == set(SIZES)
