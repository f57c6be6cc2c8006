package org.casetimeline.core.compliance;

import static org.casetimeline.core.compliance.CaseFixture.AKTOBE;
import static org.casetimeline.core.compliance.CaseFixture.ALMATY_SIZO;
import static org.casetimeline.core.compliance.CaseFixture.ARKALYK;
import static org.casetimeline.core.compliance.CaseFixture.ATYRAU;
import static org.casetimeline.core.compliance.CaseFixture.ATYRAU_SIZO;
import static org.casetimeline.core.compliance.CaseFixture.KARAGANDY;
import static org.casetimeline.core.compliance.CaseFixture.PAVLODAR;
import static org.casetimeline.core.compliance.CaseFixture.PETROPAVLOVSK;
import static org.casetimeline.core.compliance.CaseFixture.at;
import static org.casetimeline.core.compliance.CaseFixture.from;
import static org.casetimeline.core.compliance.CaseFixture.to;
import static org.casetimeline.core.shared.NoticeSubject.DETENTION;
import static org.casetimeline.core.shared.NoticeSubject.TRANSFER;

import org.casetimeline.core.shared.ContactChannel;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.ReleaseKind;

/** The seed cases as the documents in ../shared/seeds tell them, dated as precisely as the texts do. */
public final class SeedCases {

    private SeedCases() {
    }

    public static CaseFixture atabek() {
        CaseFixture atabek = CaseFixture.aCase();
        atabek.detained(at(ALMATY_SIZO)).on("2006-07-15");
        atabek.familyNotified(DETENTION, ALMATY_SIZO.facilityId()).on("2006-07-15");
        atabek.notABreach(atabek.sentenced(216).on("2007-10"));
        atabek.transferred(from(ALMATY_SIZO), to(ARKALYK), true, null).on("2009-06");
        atabek.familyContact(ContactChannel.VISIT).on("2012-11");
        atabek.solitary(730, false, "court", null, true, true).between("2012-12", "2013-10-05");
        atabek.conditions().writingMaterials(false).on("2013-01");
        atabek.transferStarted(from(ARKALYK)).on("2013-10-05");
        atabek.familyNotNotified(TRANSFER).on("2013-10-05");
        atabek.admitted(to(KARAGANDY)).on("2013-10-07");
        atabek.inquiryRefused().on("2013-10-15");
        atabek.familyContactDenied(ContactChannel.CALL, null, false).on("2013-10-20");
        atabek.whereaboutsConfirmed(at(KARAGANDY), true).on("2013-11-05");
        atabek.transferred(from(KARAGANDY), to(PAVLODAR)).on("2014-03");
        FactId request = atabek.medicalRequest(false).on("2014-04");
        atabek.medicalRequestDenied(request).on("2014-04");
        atabek.deviceDenied("a walking cane").on("2014-04");
        atabek.conditions().noNaturalLight().on("2014-05");
        atabek.strippedAndSearched(true, true, null, false).on("2014-05");
        atabek.illTreatmentAlleged("beating with truncheons").on("2014");
        atabek.notABreach(atabek.paroleRefused().on("2016"));
        atabek.monitoringVisit().on("2021-08");
        atabek.released(ReleaseKind.NON_CUSTODIAL_CONVERSION, null).on("2021-10-01");
        atabek.died(false).on("2021-11-24");
        return atabek;
    }

    public static CaseFixture bokaev() {
        CaseFixture bokaev = CaseFixture.aCaseWithHome(ATYRAU);
        bokaev.detained(at(ATYRAU_SIZO)).on("2016-05-17");
        bokaev.familyNotified(DETENTION, ATYRAU_SIZO.facilityId()).on("2016-05-17");
        bokaev.familyContact(ContactChannel.VISIT).on("2016-06-10");
        bokaev.convicted().on("2016-11-28");
        bokaev.notABreach(bokaev.sentenced(60).on("2016-11-28"));
        bokaev.appealUpheld().on("2017-01-20");
        bokaev.transferred(from(ATYRAU_SIZO), to(AKTOBE), false, null).on("2017-01-28");
        bokaev.transferred(from(AKTOBE), to(PETROPAVLOVSK), false, false).on("2017-02-03");
        return bokaev;
    }
}
