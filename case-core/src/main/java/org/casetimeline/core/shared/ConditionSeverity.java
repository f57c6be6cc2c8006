package org.casetimeline.core.shared;

/** How grave a medical condition or a deterioration is. */
public enum ConditionSeverity {
    MILD, MODERATE, SERIOUS, LIFE_THREATENING
}
