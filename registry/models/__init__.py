from .museums import HoldingMuseum
from .objects import (
    ObjectImage,
    ObjectInscription,
    ObjectMaker,
    ObjectMaterial,
    ObjectMeasurement,
    ObjectRelation,
    ObjectStatus,
    ObjectTechnique,
    RegisterObject,
)
from .restricted import RestrictedObjectData
from .vocabularies import Material, ObjectType, Technique

__all__ = [
    "HoldingMuseum",
    "Material",
    "ObjectImage",
    "ObjectInscription",
    "ObjectMaker",
    "ObjectMaterial",
    "ObjectMeasurement",
    "ObjectRelation",
    "ObjectStatus",
    "ObjectTechnique",
    "ObjectType",
    "RegisterObject",
    "RestrictedObjectData",
    "Technique",
]
