package io.waymark.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.waymark.account.Viewer;
import io.waymark.account.Visibility;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Location;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** The cache's rules: when it answers from memory, what it reads again, and that no mark is ever lost. */
class DeviceListCacheTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    static final Duration REFRESH = Duration.ofSeconds(5);

    static final DeviceId BOB = new DeviceId("bob", "phone");

    static final DeviceId CAT = new DeviceId("cat", "watch");

    private final JsonMapper json = JsonMapper.builder().build();

    private final DeviceQueries queries = mock(DeviceQueries.class);

    private final Clock clock = mock(Clock.class);

    private final DeviceListCache cache = new DeviceListCache(queries, json, new DeviceListProperties(REFRESH), clock);

    /** What the database holds, in its order. */
    private final List<DeviceView> rows = new ArrayList<>();

    @BeforeEach
    void database() {
        given(clock.instant()).willReturn(T0);
        rows.add(view("ann", "phone", "Ann", "online"));
        rows.add(view("bob", "phone", "Bob", null));
        rows.add(view("cat", "watch", "Cat", "offline"));
        given(queries.devices(Viewer.UNRESTRICTED, null, null)).willAnswer(i -> List.copyOf(rows));
        given(queries.devices(anyCollection())).willAnswer(i -> rows.stream()
            .filter(v -> i.<java.util.Collection<DeviceId>>getArgument(0).contains(id(v))).toList());
        given(queries.deviceIds()).willAnswer(i -> rows.stream().map(DeviceListCacheTest::id).toList());
    }

    @Test
    void withNothingChangedTheListIsAnsweredWithoutAQuery() {
        assertThat(names(cache.current())).containsExactly("Ann", "Bob", "Cat");
        assertThat(names(cache.current())).containsExactly("Ann", "Bob", "Cat");
        verify(queries, times(1)).devices(Viewer.UNRESTRICTED, null, null);
        verify(queries, never()).devices(anyCollection());
    }

    @Test
    void aChangedDeviceAloneIsReadAgainAndKeepsItsPlace() {
        cache.current();
        rows.set(1, view("bob", "phone", "Robert", "online"));
        cache.changed(List.of(new DeviceId("bob", "phone")));
        assertThat(names(cache.current())).containsExactly("Ann", "Robert", "Cat");
        verify(queries).devices(List.of(new DeviceId("bob", "phone")));
        verify(queries, times(1)).devices(Viewer.UNRESTRICTED, null, null);

        // patches in place share the positions: they must still say where each device is
        rows.set(2, view("cat", "watch", "Catherine", null));
        cache.changed(List.of(new DeviceId("cat", "watch")));
        assertThat(names(cache.current())).containsExactly("Ann", "Robert", "Catherine");
        rows.remove(0);
        rows.set(0, view("bob", "phone", "Bob", null));
        cache.changed(List.of(new DeviceId("ann", "phone"), new DeviceId("bob", "phone")));
        assertThat(names(cache.current())).containsExactly("Bob", "Catherine");
        verify(queries, times(1)).devices(Viewer.UNRESTRICTED, null, null);
    }

    @Test
    void aChangedDeviceWhoseRowIsGoneLeavesTheList() {
        cache.current();
        rows.remove(1);
        cache.changed(List.of(new DeviceId("bob", "phone")));
        assertThat(names(cache.current())).containsExactly("Ann", "Cat");
        verify(queries, times(1)).devices(Viewer.UNRESTRICTED, null, null);
    }

    @Test
    void aNewDeviceTakesThePlaceTheOrderOfTheIdsGivesWithoutReadingEverything() {
        cache.current();
        rows.add(1, view("ann", "tablet", "Ann's tablet", null));
        rows.set(3, view("cat", "watch", "Catherine", null));
        cache.changed(List.of(new DeviceId("ann", "tablet"), new DeviceId("cat", "watch")));
        DeviceListSnapshot patched = cache.current();
        assertThat(names(patched)).containsExactly("Ann", "Ann's tablet", "Bob", "Catherine");
        assertThat(patched.answer(Viewer.UNRESTRICTED, null, null).toByteArray()).isEqualTo(json.writeValueAsBytes(rows));
        verify(queries, times(1)).devices(Viewer.UNRESTRICTED, null, null);
        verify(queries, times(1)).deviceIds();
    }

    @Test
    void aDeviceCommittedBetweenTheReadOfTheRowsAndOfTheIdsReadsEverything() {
        cache.current();
        rows.add(1, view("ann", "tablet", "Ann's tablet", null));
        willAnswer(i -> {
            List<DeviceView> found = List.of(rows.get(1));
            rows.add(0, view("aaron", "phone", "Aaron", null)); // committed meanwhile, not marked yet
            return found;
        }).given(queries).devices(anyCollection());
        cache.changed(List.of(new DeviceId("ann", "tablet")));
        assertThat(names(cache.current())).containsExactly("Aaron", "Ann", "Ann's tablet", "Bob", "Cat");
        verify(queries, times(2)).devices(Viewer.UNRESTRICTED, null, null);
    }

    @Test
    void readingEverythingAgainWritesOnlyTheDevicesThatChanged() {
        List<DeviceView> written = new ArrayList<>();
        java.util.function.Function<DeviceView, byte[]> writer = v -> {
            written.add(v);
            return json.writeValueAsBytes(v);
        };
        DeviceListSnapshot first = DeviceListSnapshot.of(List.copyOf(rows), writer, 0, T0);
        rows.set(1, view("bob", "phone", "Robert", "online"));
        rows.add(view("dan", "phone", "Dan", null));
        written.clear();
        DeviceListSnapshot again = DeviceListSnapshot.of(List.copyOf(rows), writer, 0, T0, first);
        assertThat(written).extracting(DeviceView::name).containsExactly("Robert", "Dan");
        assertThat(again.answer(Viewer.UNRESTRICTED, null, null).toByteArray()).isEqualTo(json.writeValueAsBytes(rows));
    }

    @Test
    void everythingChangedReadsEverything() {
        cache.current();
        rows.remove(0);
        cache.changedAll();
        assertThat(names(cache.current())).containsExactly("Bob", "Cat");
        verify(queries, times(2)).devices(Viewer.UNRESTRICTED, null, null);
        verify(queries, never()).devices(anyCollection());
    }

    @Test
    void moreThanHalfOfALargeListChangedReadsEverything() {
        for (int i = 0; i < 200; i++) {
            rows.add(view("many", "phone" + i, "P" + i, null));
        }
        cache.current();
        cache.changed(rows.stream().limit(150).map(DeviceListCacheTest::id).toList());
        cache.current();
        verify(queries, times(2)).devices(Viewer.UNRESTRICTED, null, null);
        verify(queries, never()).devices(anyCollection());
    }

    @Test
    void aChangeCommittedWhileTheChangesAreReadIsReadNextTime() {
        cache.current();
        DeviceId bob = new DeviceId("bob", "phone");
        // the query sees the old row; a writer commits (and marks) while it runs
        willAnswer(i -> {
            List<DeviceView> before = List.of(rows.get(1));
            rows.set(1, view("bob", "phone", "Robert", null));
            cache.changed(List.of(bob));
            return before;
        }).willAnswer(i -> List.of(rows.get(1))).given(queries).devices(anyCollection());
        cache.changed(List.of(bob));
        assertThat(names(cache.current())).containsExactly("Ann", "Bob", "Cat");
        assertThat(names(cache.current())).containsExactly("Ann", "Robert", "Cat");
        verify(queries, times(2)).devices(List.of(bob));
    }

    @Test
    void aFailedReadLosesNoMark() {
        cache.current();
        rows.set(1, view("bob", "phone", "Robert", null));
        given(queries.devices(anyCollection())).willThrow(new DataAccessResourceFailureException("down"));
        cache.changed(List.of(new DeviceId("bob", "phone")));
        assertThatThrownBy(cache::current).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(names(cache.current())).containsExactly("Ann", "Robert", "Cat");
    }

    @Test
    void aListOlderThanTheRefreshIsReadAgainWhole() {
        cache.current();
        rows.set(0, view("ann", "phone", "Anna", "online")); // unmarked: another instance's lost notification
        given(clock.instant()).willReturn(T0.plus(REFRESH).minusMillis(1));
        assertThat(names(cache.current())).containsExactly("Ann", "Bob", "Cat");
        given(clock.instant()).willReturn(T0.plus(REFRESH));
        assertThat(names(cache.current())).containsExactly("Anna", "Bob", "Cat");
        verify(queries, times(2)).devices(Viewer.UNRESTRICTED, null, null);
    }

    @Test
    void aWrittenLocationIsPatchedInAsWrittenWithoutReadingTheRow() {
        cache.current();
        Location fix = fix(1_000, "bb", List.of("home", "work"));
        cache.written(List.of(new LastKnownWrite(BOB, fix, T0.plusMillis(1), T0.plusSeconds(3))));
        DeviceView shown = cache.current().view(BOB);
        verify(queries, never()).devices(anyCollection());
        verify(queries, times(1)).devices(Viewer.UNRESTRICTED, null, null);
        assertThat(shown.location()).isEqualTo(new LocationView(50.5, 8.25, 12, null, null, null, 80, null, "w", 1_000,
                Instant.ofEpochSecond(1_000), T0.plusMillis(1), List.of("home", "work")));
        assertThat(shown.tid()).isEqualTo("bb");
        assertThat(shown.presence().lastSeen()).isEqualTo(T0.plusSeconds(3));
        assertThat(shown.name()).as("what the location did not write stays").isEqualTo("Bob");
        assertThat(cache.current().answer(Viewer.UNRESTRICTED, "bob", null).toByteArray())
            .isEqualTo(json.writeValueAsBytes(List.of(shown)));
    }

    @Test
    void aWrittenLocationWithoutTidKeepsTheShownTidAndALastSeenNeverMovesBack() {
        cache.current();
        cache.written(List.of(new LastKnownWrite(BOB, fix(1_000, null, List.of()), T0, T0.minusSeconds(60))));
        DeviceView shown = cache.current().view(BOB);
        assertThat(shown.tid()).isEqualTo("xx");
        assertThat(shown.presence().lastSeen()).isEqualTo(T0);
        assertThat(shown.location().inregions()).isEmpty();
        cache.written(List.of(new LastKnownWrite(BOB, fix(1_001, null, List.of()), T0, null)));
        assertThat(cache.current().view(BOB).presence().lastSeen()).as("none written").isEqualTo(T0);
        verify(queries, never()).devices(anyCollection());
    }

    @Test
    void aWrittenLocationTheListAlreadyShowsOrOutdidIsLeft() {
        cache.current();
        cache.written(List.of(new LastKnownWrite(BOB, fix(1_000, "bb", List.of()), T0, T0)));
        DeviceListSnapshot first = cache.current();
        cache.written(List.of(new LastKnownWrite(BOB, fix(999, "zz", List.of()), T0.plusSeconds(9), T0.plusSeconds(9))));
        assertThat(cache.current().view(BOB)).isSameAs(first.view(BOB));
    }

    @Test
    void twoWritesBeforeAReadShowTheLaterFixAndTheLatestLastSeen() {
        cache.current();
        cache.written(List.of(new LastKnownWrite(BOB, fix(1_001, "b2", List.of()), T0.plusSeconds(2), T0.plusSeconds(1))));
        cache.written(List.of(new LastKnownWrite(BOB, fix(1_000, "b1", List.of()), T0.plusSeconds(1), T0.plusSeconds(5))));
        DeviceView shown = cache.current().view(BOB);
        assertThat(shown.location().tst()).isEqualTo(1_001);
        assertThat(shown.tid()).isEqualTo("b2");
        assertThat(shown.location().receivedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(shown.presence().lastSeen()).isEqualTo(T0.plusSeconds(5));
        verify(queries, never()).devices(anyCollection());
    }

    @Test
    void whatAWriteCannotSayForSureIsReadFromTheRow() {
        cache.current();
        // the later fix has no tid: the row's is the earlier one's, or one written between them elsewhere
        cache.written(List.of(new LastKnownWrite(BOB, fix(1_000, "b1", List.of()), T0, T0)));
        cache.written(List.of(new LastKnownWrite(BOB, fix(1_001, null, List.of()), T0, T0)));
        cache.current();
        verify(queries, times(1)).devices(List.of(BOB));
        // an instant finer than the databases keep reads back rounded
        cache.written(List.of(new LastKnownWrite(CAT, fix(1_000, "cc", List.of()), T0.plusNanos(1), T0)));
        cache.current();
        verify(queries, times(1)).devices(List.of(CAT));
        // a device the list does not show yet: its row says where it goes
        DeviceId ann2 = new DeviceId("ann", "tablet");
        rows.add(1, view("ann", "tablet", "Ann's tablet", null));
        cache.written(List.of(new LastKnownWrite(ann2, fix(1_000, "at", List.of()), T0, T0)));
        assertThat(names(cache.current())).containsExactly("Ann", "Ann's tablet", "Bob", "Cat");
        verify(queries, times(1)).devices(List.of(ann2));
        verify(queries, times(1)).devices(Viewer.UNRESTRICTED, null, null);
    }

    @Test
    void aDeviceMarkedAndWrittenIsReadFromTheRowWhichHoldsBoth() {
        cache.current();
        rows.set(1, view("bob", "phone", "Robert", "online"));
        cache.written(List.of(new LastKnownWrite(BOB, fix(1_000, "bb", List.of()), T0, T0)));
        cache.changed(List.of(BOB));
        DeviceView shown = cache.current().view(BOB);
        assertThat(shown).isEqualTo(rows.get(1));
        verify(queries, times(1)).devices(List.of(BOB));
    }

    @Test
    void eachViewerAndFilterGetsWhatTheQueryWouldReturnAsTheApiWritesIt() {
        DeviceListSnapshot snapshot = cache.current();
        Viewer ann = new Viewer("ann", false, Visibility.only(Set.of("ann", "cat")));
        assertThat(snapshot.answer(Viewer.UNRESTRICTED, null, null).toByteArray()).isEqualTo(json.writeValueAsBytes(rows));
        assertThat(snapshot.answer(ann, null, null).toByteArray()).isEqualTo(json.writeValueAsBytes(List.of(rows.get(0), rows.get(2))));
        assertThat(snapshot.answer(ann, "bob", null).toByteArray()).isEqualTo("[]".getBytes());
        assertThat(snapshot.answer(Viewer.UNRESTRICTED, "bob", null).toByteArray()).isEqualTo(json.writeValueAsBytes(List.of(rows.get(1))));
        assertThat(snapshot.answer(Viewer.UNRESTRICTED, null, "online").toByteArray()).isEqualTo(json.writeValueAsBytes(List.of(rows.get(0))));
        assertThat(snapshot.answer(Viewer.UNRESTRICTED, null, "offline").toByteArray()).as("never heard of counts as offline")
            .isEqualTo(json.writeValueAsBytes(List.of(rows.get(1), rows.get(2))));
        assertThat(snapshot.answer(ann, null, "offline").toByteArray()).isEqualTo(json.writeValueAsBytes(List.of(rows.get(2))));
        assertThat(snapshot.answer(Viewer.NOBODY, null, null).toByteArray()).isEqualTo("[]".getBytes());
        for (Viewer viewer : List.of(Viewer.UNRESTRICTED, ann, Viewer.NOBODY)) {
            JsonArrayBytes answer = snapshot.answer(viewer, null, null);
            assertThat(answer.length()).as("the Content-Length").isEqualTo(answer.toByteArray().length);
        }
    }

    private List<String> names(DeviceListSnapshot snapshot) {
        List<String> names = new ArrayList<>();
        for (JsonNode device : json.readTree(snapshot.answer(Viewer.UNRESTRICTED, null, null).toByteArray())) {
            names.add(device.get("name").asString());
        }
        return names;
    }

    /** A fix with lat 50.5, lon 8.25, acc 12, batt 80 and conn "w". */
    private static Location fix(long tst, String tid, List<String> inregions) {
        return new Location(50.5, 8.25, tst, 12, null, null, null, null, 80, null, tid, null, "w", inregions, null, null,
                null, null, null, null);
    }

    private static DeviceId id(DeviceView view) {
        return new DeviceId(view.user(), view.device());
    }

    /** A device as the query reads it: a null stored state shows as offline. */
    private static DeviceView view(String user, String device, String name, String storedState) {
        return new DeviceView(user, device, "xx", name,
                new PresenceView(storedState == null ? "offline" : storedState, T0, T0, null), null);
    }
}
