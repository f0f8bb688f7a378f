; Pledgebook uninstaller: the loan book stays on the PC unless the person asks otherwise.
;
; Adds one page after the uninstaller's welcome page with an UNTICKED box, "Also delete my
; Pledgebook data (database, attachments, backups)". Only when it is ticked does the uninstaller
; remove the data folder, Electron's userData for the app Pledgebook: $APPDATA\Pledgebook
; (C:\Users\<name>\AppData\Roaming\Pledgebook). Silent uninstalls (/S) and the uninstall that an
; update runs (--updated) never show the page, so they always keep the data.
;
; electron-builder (nsis.include) puts this file at the top of both of its NSIS runs, installer
; and uninstaller. Everything is inside BUILD_UNINSTALLER so the installer gets no unused code:
; electron-builder makes NSIS warnings errors. The macros are the hooks electron-builder documents
; (customUnWelcomePage, customUnInit, customUnInstall); $installMode and ${isUpdated} are its own.

!ifdef BUILD_UNINSTALLER
  !include LogicLib.nsh
  !include nsDialogs.nsh

  Var pbDeleteData    ; ${BST_CHECKED} only after the person ticks the box
  Var pbDeleteDataBox ; the checkbox
  Var pbDataDir       ; the data folder of the user running the uninstaller

  !macro customUnInit
    StrCpy $pbDeleteData ${BST_UNCHECKED}
    ; userData is per user even when Pledgebook was installed for all users.
    SetShellVarContext current
    StrCpy $pbDataDir "$APPDATA\Pledgebook"
    ${if} $installMode == "all"
      SetShellVarContext all
    ${endif}
  !macroend

  !macro customUnWelcomePage
    !insertmacro MUI_UNPAGE_WELCOME
    UninstPage custom un.pbDataPageShow un.pbDataPageLeave

    Function un.pbDataPageShow
      ${if} ${isUpdated}
        Abort ; skip the page
      ${endif}
      !insertmacro MUI_HEADER_TEXT "Your Pledgebook data" "Keep your loan book on this computer, or delete it."
      nsDialogs::Create 1018
      Pop $0
      ${if} $0 == error
        Abort
      ${endif}
      ${NSD_CreateLabel} 0 0 100% 64u "Pledgebook keeps your database, attachments and the backups it makes in:$\r$\n$pbDataDir$\r$\n$\r$\nThis folder is kept unless you tick the box below, so installing Pledgebook again finds your loan book. Backup copies you saved anywhere else are never touched."
      Pop $0
      ${NSD_CreateCheckbox} 0 76u 100% 12u "Also delete my Pledgebook data (database, attachments, backups)"
      Pop $pbDeleteDataBox
      ${NSD_SetState} $pbDeleteDataBox $pbDeleteData ; unticked unless ticked before going Back
      nsDialogs::Show
    FunctionEnd

    Function un.pbDataPageLeave
      ${NSD_GetState} $pbDeleteDataBox $pbDeleteData
    FunctionEnd
  !macroend

  !macro customUnInstall
    ${ifNot} ${isUpdated}
    ${andIf} $pbDeleteData == ${BST_CHECKED}
    ${andIf} $pbDataDir != ""
      DetailPrint "Deleting Pledgebook data: $pbDataDir"
      RMDir /r "$pbDataDir"
    ${endif}
  !macroend
!endif
