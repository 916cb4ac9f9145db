package org.waymark.awareness.web;

import java.util.UUID;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.waymark.awareness.HelpTexts;
import org.waymark.awareness.PrintedMaterials;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.Operations;
import org.waymark.shared.OperationId;
import org.waymark.shared.PageController;

/**
 * Posters and pocket cards for an operation's coordinator to print, in each language of the help.
 * The materials are the same for every operation; the operation is where the page links back to,
 * and, like every page under it, is not found by those who may not see it.
 */
@PageController
@RequiredArgsConstructor
class MaterialsController {

    private final HelpTexts texts;
    private final PrintedMaterials materials;
    private final Operations operations;

    @GetMapping("/operations/{operationId}/materials")
    String list(@PathVariable UUID operationId, @AuthenticationPrincipal WaymarkUser user, Model model) {
        coordinatorOf(operationId, user);
        model.addAttribute("operationId", operationId);
        model.addAttribute("languages", texts.all());
        // What each QR code holds, in words: a coordinator sees that it is an address passengers can reach.
        model.addAttribute("qrAddresses", texts.all().stream()
                .collect(Collectors.toMap(HelpTexts.Help::language, help -> materials.helpUrl(help.language()))));
        model.addAttribute("printed", PrintedMaterials.LANGUAGES);
        return "materials/list";
    }

    @GetMapping("/operations/{operationId}/materials/{language}/poster.pdf")
    ResponseEntity<byte[]> poster(@PathVariable UUID operationId, @PathVariable String language,
            @AuthenticationPrincipal WaymarkUser user) {
        coordinatorOf(operationId, user);
        return pdf(materials.poster(language), "waymark-poster-" + language + ".pdf");
    }

    @GetMapping("/operations/{operationId}/materials/{language}/card.pdf")
    ResponseEntity<byte[]> card(@PathVariable UUID operationId, @PathVariable String language,
            @AuthenticationPrincipal WaymarkUser user) {
        coordinatorOf(operationId, user);
        return pdf(materials.card(language), "waymark-card-" + language + ".pdf");
    }

    private void coordinatorOf(UUID operationId, WaymarkUser user) {
        operations.get(new OperationId(operationId), user); // not found for those who may not see it
        if (!user.hasRole(Role.COORDINATOR)) {
            throw new AccessDeniedException("printed materials are for coordinators");
        }
    }

    private static ResponseEntity<byte[]> pdf(byte[] pdf, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(pdf);
    }
}
