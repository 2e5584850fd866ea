package nl.steunpunt.buddy.ui.support;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.support.Quarter;
import nl.steunpunt.buddy.support.SignalCount;
import nl.steunpunt.buddy.support.SignalReport;
import nl.steunpunt.buddy.support.Signals;
import nl.steunpunt.buddy.ui.base.Notifications;

/**
 * Signalen for the samenwerkingsverband: the themes of a region's contact logs in a quarter, counted
 * in matches and mentions, beside them the sessions of intervisie that named them, and per theme the
 * total when none of its parts is suppressed; small counts shown as "&lt; 5", no names; with the
 * same table as CSV.
 */
@Route("signalen")
@RolesAllowed({ "COORDINATOR", "MANAGER" })
@Menu(order = 7, title = "menu.signals")
public class SignalsView extends VerticalLayout implements HasDynamicTitle {

    /** How many quarters back one can choose. */
    private static final int QUARTERS = 8;

    private final Signals signals;
    private final Regions regions;
    private final Select<RegionCode> region = new Select<>();
    private final Select<Quarter> quarter = new Select<>();
    private final Grid<SignalCount> grid = new Grid<>();
    private final Anchor download = new Anchor();
    private SignalReport report;

    public SignalsView(Signals signals, Regions regions, Clock clock) {
        this.signals = signals;
        this.regions = regions;
        setMaxWidth("70em");
        add(new H2(getTranslation("signals.title")), new Paragraph(getTranslation("signals.explain", Signals.MINIMUM_COUNT)));
        if (!signals.sources().isEmpty()) {
            add(new Paragraph(getTranslation("signals.explain.sources")));
        }

        List<RegionCode> mine = signals.reportRegions();
        region.setLabel(getTranslation("signals.region"));
        region.setId("signals-region");
        region.setItems(mine);
        region.setItemLabelGenerator(this::regionName);
        List<Quarter> quarters = new ArrayList<>();
        Quarter current = Quarter.of(LocalDate.now(clock));
        for (int i = 0; i < QUARTERS; i++, current = current.previous()) {
            quarters.add(current);
        }
        quarter.setLabel(getTranslation("signals.quarter"));
        quarter.setId("signals-quarter");
        quarter.setItems(quarters);
        quarter.setItemLabelGenerator(q -> getTranslation("signals.quarter.label", String.valueOf(q.year()), q.quarter()));
        quarter.setValue(quarters.get(0));

        download.setText(getTranslation("signals.csv"));
        download.setId("signals-csv");
        download.setHref(DownloadHandler.fromInputStream(event -> {
            if (report == null) {
                return DownloadResponse.error(404);
            }
            byte[] csv = Signals.csv(report);
            return new DownloadResponse(new ByteArrayInputStream(csv), fileName(), "text/csv;charset=UTF-8", csv.length);
        }));
        download.getElement().setAttribute("download", true);

        HorizontalLayout bar = new HorizontalLayout(region, quarter, download);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("signals-grid");
        grid.addColumn(SignalCount::themeName).setKey("theme").setHeader(getTranslation("signals.theme")).setFlexGrow(1);
        grid.addColumn(c -> Signals.count(c.matches())).setKey("matches").setHeader(getTranslation("signals.matches")).setAutoWidth(true);
        grid.addColumn(c -> Signals.count(c.mentions())).setKey("mentions").setHeader(getTranslation("signals.mentions")).setAutoWidth(true);
        List<String> sources = signals.sources();
        for (int i = 0; i < sources.size(); i++) {
            int index = i;
            grid.addColumn(c -> Signals.count(c.sources().get(index))).setKey("source-" + sources.get(i))
                    .setHeader(getTranslation("signals.source." + sources.get(i))).setAutoWidth(true);
        }
        grid.addColumn(c -> Signals.count(c.total())).setKey("total").setHeader(getTranslation("signals.total")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(bar, grid);

        region.addValueChangeListener(e -> refresh());
        quarter.addValueChangeListener(e -> refresh());
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("signals.no-region"));
            none.setId("signals-none");
            add(none);
            download.setEnabled(false);
        } else {
            region.setValue(mine.get(0));
        }
    }

    private void refresh() {
        if (region.getValue() == null || quarter.getValue() == null) {
            return;
        }
        try {
            report = signals.report(region.getValue(), quarter.getValue());
            grid.setItems(report.rows());
            download.setEnabled(true);
        } catch (TranslatableException e) {
            report = null;
            grid.setItems(List.of());
            download.setEnabled(false);
            Notifications.error(e);
        }
    }

    private String fileName() {
        return "signalen-" + report.region().value() + "-" + report.quarter() + ".csv";
    }

    private String regionName(RegionCode code) {
        return regions.find(code).map(Region::name).orElse(code.value());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signals.title") + " · " + getTranslation("app.name");
    }
}
