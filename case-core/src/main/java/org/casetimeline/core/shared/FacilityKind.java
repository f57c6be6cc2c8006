package org.casetimeline.core.shared;

/** What kind of place of detention a facility is. */
public enum FacilityKind {
    POLICE_CUSTODY, PRE_TRIAL_DETENTION, PRISON, PENAL_COLONY, HOSPITAL, PSYCHIATRIC_INSTITUTION, OTHER
}
